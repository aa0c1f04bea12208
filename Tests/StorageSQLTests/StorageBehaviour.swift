import ACMECore
import ACMETesting
import Crypto
import Foundation
import JOSE
import PolicyAdministration
import StorageSQL
import TNAuthList
import Testing

/// Behaviour beyond the consumers' contracts, written once and run on each engine.
enum StorageBehaviour {
    static let epoch = Date(timeIntervalSince1970: 1_735_689_600)

    /// Two storages on one fresh database (two connections for SQLite, two pools for PostgreSQL).
    static func withTwoStorages(_ engine: SQLEngineKind, _ body: (SQLStorage, SQLStorage) async throws -> Void) async throws {
        let configuration = try await TestDatabases.freshConfiguration(engine)
        let first = try await SQLStorage.open(configuration)
        let second: SQLStorage
        do {
            second = try await SQLStorage.open(configuration)
        } catch {
            await first.close()
            throw error
        }
        do {
            try await body(first, second)
        } catch {
            await first.close()
            await second.close()
            throw error
        }
        await first.close()
        await second.close()
    }

    static func delegations(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            let registry = try await open().delegations
            let customer = CustomerID("pbx-1")
            let range = try TelephoneNumberRange(start: TelephoneNumber("12025550100"), count: 10)
            let first = Delegation(customer: customer, tnAuthList: try TNAuthorizationList([.range(range)]))
            let second = Delegation(customer: customer, tnAuthList: try TNAuthorizationList([.tn(try TelephoneNumber("12025550199"))]), mayObtainCA: true)
            #expect(try await registry.delegation(for: customer) == nil)
            try await registry.recordDelegation(first)
            #expect(try await registry.delegation(for: customer) == first)
            try await registry.recordDelegation(second)
            #expect(try await registry.delegation(for: customer) == second, "a second record replaces the first")
            #expect(try await registry.removeDelegation(for: customer))
            #expect(try await registry.removeDelegation(for: customer) == false)
            #expect(try await registry.delegation(for: customer) == nil)
        }
    }

    static func nonceRace(_ engine: SQLEngineKind) async throws {
        try await withTwoStorages(engine) { first, second in
            try await first.nonces.insertNonce("contested", expiresAt: epoch + 60)
            let stores = [first.nonces, second.nonces]
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<128 {
                    let store = stores[index % 2]
                    group.addTask { try await store.consumeNonce("contested", now: epoch) }
                }
                var count = 0
                for try await won in group where won { count += 1 }
                return count
            }
            #expect(wins == 1, "exactly one of 128 concurrent consumers on two connections wins")
        }
    }

    static func finalizeRace(_ engine: SQLEngineKind) async throws {
        try await withTwoStorages(engine) { first, second in
            let (order, authorization) = try ACMEStoreContract.sampleOrder(id: "contested")
            try await first.orders.createOrder(order, authorizations: [authorization])
            #expect(try await first.orders.markOrderReady(order.id))
            let stores = [first.orders, second.orders]
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<32 {
                    let store = stores[index % 2]
                    group.addTask { try await store.markOrderProcessing(order.id, at: epoch) }
                }
                var count = 0
                for try await won in group where won { count += 1 }
                return count
            }
            #expect(wins == 1, "only one finalize request moves a ready order to processing")
            #expect(try await second.orders.order(order.id)?.status == .processing)
        }
    }

    static func failedWriteKeepsData(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            let orders = try await open().orders
            let (order, authorization) = try ACMEStoreContract.sampleOrder(id: "kept")
            try await orders.createOrder(order, authorizations: [authorization])
            let (clash, clashAuthorization) = try ACMEStoreContract.sampleOrder(id: "clash")
            var reused = clashAuthorization
            reused.challenges = [ACMEChallenge(id: authorization.challenges[0].id, authorizationID: reused.id, token: "t", tokenAuthority: nil)]
            await #expect(throws: StorageSQLError.self, "a challenge id used twice is refused") {
                try await orders.createOrder(clash, authorizations: [reused])
            }
            #expect(try await orders.order(clash.id) == nil, "the failed order left no row")
            #expect(try await orders.authorization(reused.id) == nil, "the failed order left no authorization")
            #expect(try await orders.order(order.id) == order)
            #expect(try await orders.authorization(authorization.id) == authorization)
            #expect(try await orders.challenge(authorization.challenges[0].id)?.authorizationID == authorization.id)
        }
    }

    static func exactRoundTrip(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            let storage = try await open()
            let awkward = Date(timeIntervalSinceReferenceDate: (757_000_000.123_456_789 as Double).nextUp)
            var raw = [UInt8](repeating: 0, count: 32)
            raw[31] = 7
            let key = JSONWebKey(publicKey: try P256.Signing.PrivateKey(rawRepresentation: raw).publicKey)
            let account = ACMEAccount(id: .init("exact"), key: key, contact: ["mailto:ü@example.com", "tel:+1"], createdAt: awkward)
            #expect(try await storage.acmeAccounts.createAccount(account) == .created(account))
            let stored = try await storage.acmeAccounts.account(.init("exact"))
            #expect(stored?.createdAt.timeIntervalSinceReferenceDate.bitPattern == awkward.timeIntervalSinceReferenceDate.bitPattern)
            #expect(stored?.key == key)
            #expect(stored?.contact == account.contact)

            let serial = CertificateSerial(bytes: [0x00, 0x80, 0xFF, 0x01, 0, 0, 0, 0, 9])
            let reservation = SerialReservation(serial: serial, orderID: .init("o"), accountID: account.id, reservedAt: awkward)
            #expect(try await storage.certificateLedger.reserveSerial(reservation))
            let der = (0...255).map { UInt8($0) }
            let certificate = IssuedCertificate(
                serial: serial, accountID: account.id, orderID: .init("o"), der: der, chainPEM: "-----BEGIN CERTIFICATE-----\n",
                issuedAt: awkward, notAfter: Date(timeIntervalSinceReferenceDate: awkward.timeIntervalSinceReferenceDate.nextUp)
            )
            #expect(try await storage.certificateLedger.recordIssuance(certificate))
            #expect(try await storage.certificateLedger.certificate(serial) == certificate)
            #expect(try await storage.certificateLedger.certificate(serial)?.der == der)
        }
    }
}
