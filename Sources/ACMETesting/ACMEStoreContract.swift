import ACMECore
import Crypto
import Foundation
import JOSE
import TNAuthList
import Testing

/// The behaviour every implementation of the ACMECore store protocols must show, written once with
/// Swift Testing expectations so the in-memory stores and the SQL adapters run the same checks.
///
/// Call each function from a `@Test` with a factory that returns a fresh, empty store.
public enum ACMEStoreContract {
    static let epoch = Date(timeIntervalSince1970: 1_735_689_600)

    static func key(_ label: UInt8) -> JSONWebKey {
        var raw = [UInt8](repeating: 0, count: 32)
        raw[0] = 0x11
        raw[31] = label
        let key = (try? P256.Signing.PrivateKey(rawRepresentation: raw)) ?? P256.Signing.PrivateKey()
        return JSONWebKey(publicKey: key.publicKey)
    }

    /// Accounts: unique keys, lookups, contact update, deactivation, key change.
    public static func runAccountStoreContract(makeStore: () async throws -> any AccountStore) async throws {
        let store = try await makeStore()
        let alice = ACMEAccount(id: .init("alice"), key: key(1), contact: ["mailto:a@example.com"], createdAt: epoch)
        #expect(try await store.createAccount(alice) == .created(alice))
        let twin = ACMEAccount(id: .init("twin"), key: key(1), contact: [], createdAt: epoch)
        #expect(try await store.createAccount(twin) == .existing(alice), "a second account with the same key is not created")
        #expect(try await store.account(.init("twin")) == nil)
        #expect(try await store.account(keyThumbprint: alice.keyThumbprint) == alice)
        #expect(try await store.account(.init("nobody")) == nil)

        let updated = try await store.updateContact(alice.id, contact: ["tel:+12025550100"])
        #expect(updated?.contact == ["tel:+12025550100"])

        let bob = ACMEAccount(id: .init("bob"), key: key(2), contact: [], createdAt: epoch)
        _ = try await store.createAccount(bob)
        #expect(try await store.changeKey(alice.id, from: alice.keyThumbprint, to: key(2)) == .keyInUse(bob.id))
        #expect(try await store.changeKey(alice.id, from: "stale", to: key(3)) == .stale)
        guard case .changed(let rotated) = try await store.changeKey(alice.id, from: alice.keyThumbprint, to: key(3)) else {
            Issue.record("key change did not apply")
            return
        }
        #expect(rotated.key == key(3))
        #expect(try await store.account(keyThumbprint: key(3).thumbprintBase64URL())?.id == alice.id)
        #expect(try await store.account(keyThumbprint: alice.keyThumbprint) == nil, "the old key no longer finds the account")

        #expect(try await store.deactivateAccount(alice.id)?.status == .deactivated)
        #expect(try await store.deactivateAccount(alice.id) == nil, "deactivation applies once")
        #expect(try await store.updateContact(alice.id, contact: []) == nil, "a deactivated account cannot be updated")
        #expect(try await store.changeKey(alice.id, from: key(3).thumbprintBase64URL(), to: key(4)) == .stale)
    }

    /// A pending order with one authorization and one challenge, for the order contract.
    public static func sampleOrder(id: String = "order-1", account: String = "alice") throws -> (ACMEOrder, ACMEAuthorization) {
        let identifier = try TNAuthListIdentifier(TNAuthorizationList([.spc(ServiceProviderCode("1234"))]))
        let authorizationID = ACMEAuthorization.ID("authz-" + id)
        let challenge = ACMEChallenge(id: .init("chall-" + id), authorizationID: authorizationID, token: "token", tokenAuthority: nil)
        let authorization = ACMEAuthorization(
            id: authorizationID, accountID: .init(account), orderID: .init(id), identifier: identifier,
            expires: epoch + 86_400, challenges: [challenge]
        )
        let order = ACMEOrder(
            id: .init(id), accountID: .init(account), identifier: identifier, expires: epoch + 86_400,
            notBefore: nil, notAfter: nil, authorizationIDs: [authorizationID]
        )
        return (order, authorization)
    }

    /// Orders: creation, challenge and authorization transitions, order compare-and-set transitions.
    public static func runOrderStoreContract(makeStore: () async throws -> any OrderStore) async throws {
        let store = try await makeStore()
        let (order, authorization) = try sampleOrder()
        let challengeID = authorization.challenges[0].id
        try await store.createOrder(order, authorizations: [authorization])
        #expect(try await store.order(order.id) == order)
        #expect(try await store.authorization(authorization.id) == authorization)
        #expect(try await store.challenge(challengeID)?.authorizationID == authorization.id)
        #expect(try await store.orders(of: order.accountID).map(\.id) == [order.id])
        #expect(try await store.orders(of: .init("other")).isEmpty)

        #expect(try await store.finalizeAuthorization(authorization.id, challenge: challengeID, outcome: .valid(at: epoch, grantsCA: true)) == false,
                "a pending challenge cannot be finalized")
        #expect(try await store.markChallengeProcessing(challengeID))
        #expect(try await store.markChallengeProcessing(challengeID) == false, "processing starts once")
        #expect(try await store.finalizeAuthorization(authorization.id, challenge: challengeID, outcome: .valid(at: epoch, grantsCA: true)))
        let validated = try await store.authorization(authorization.id)
        #expect(validated?.status == .valid)
        #expect(validated?.grantsCA == true)
        #expect(validated?.challenges.first?.status == .valid)
        #expect(validated?.challenges.first?.validated == epoch)

        #expect(try await store.markOrderProcessing(order.id, at: epoch) == false, "pending cannot go to processing")
        #expect(try await store.markOrderReady(order.id))
        #expect(try await store.markOrderReady(order.id) == false)
        #expect(try await store.markOrderProcessing(order.id, at: epoch))
        #expect(try await store.markOrderProcessing(order.id, at: epoch) == false, "only one finalize wins")
        #expect(try await store.ordersProcessing(startedBefore: epoch + 1).map(\.id) == [order.id])
        #expect(try await store.ordersProcessing(startedBefore: epoch).isEmpty)
        let serial = CertificateSerial(bytes: [0x40, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try await store.completeOrder(order.id, certificate: serial))
        #expect(try await store.failOrder(order.id, error: ACMEError(.serverInternal, "late")) == false, "a valid order stays valid")
        let completed = try await store.order(order.id)
        #expect(completed?.status == .valid)
        #expect(completed?.certificateSerial == serial)

        let (second, secondAuthorization) = try sampleOrder(id: "order-2")
        try await store.createOrder(second, authorizations: [secondAuthorization])
        #expect(try await store.markChallengeProcessing(secondAuthorization.challenges[0].id))
        let failure = ACMEError(.unauthorized, "token rejected")
        #expect(try await store.finalizeAuthorization(secondAuthorization.id, challenge: secondAuthorization.challenges[0].id, outcome: .invalid(failure)))
        #expect(try await store.challenge(secondAuthorization.challenges[0].id)?.error == failure)
        #expect(try await store.failOrder(second.id, error: failure))
        #expect(try await store.order(second.id)?.error == failure)
        #expect(try await store.deactivateAuthorization(secondAuthorization.id) == false, "an invalid authorization cannot be deactivated")
    }

    /// Nonces: accepted once, unknown and expired rejected, single winner under concurrency.
    public static func runNonceStoreContract(makeStore: () async throws -> any NonceStore) async throws {
        let store = try await makeStore()
        try await store.insertNonce("n1", expiresAt: epoch + 60)
        #expect(try await store.consumeNonce("n1", now: epoch))
        #expect(try await store.consumeNonce("n1", now: epoch) == false, "a nonce is accepted once")
        #expect(try await store.consumeNonce("never", now: epoch) == false)
        try await store.insertNonce("n2", expiresAt: epoch + 60)
        #expect(try await store.consumeNonce("n2", now: epoch + 61) == false, "an expired nonce is refused")

        try await store.insertNonce("race", expiresAt: epoch + 60)
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask { try await store.consumeNonce("race", now: epoch) }
            }
            var count = 0
            for try await won in group where won { count += 1 }
            return count
        }
        #expect(wins == 1, "exactly one of 64 concurrent consumers wins")
    }

    /// Token replay: a jti is accepted once per issuer.
    public static func runTokenReplayStoreContract(makeStore: () async throws -> any TokenReplayStore) async throws {
        let store = try await makeStore()
        #expect(try await store.recordTokenUse(issuer: "pa", tokenID: "j1", expiresAt: epoch + 60, now: epoch))
        #expect(try await store.recordTokenUse(issuer: "pa", tokenID: "j1", expiresAt: epoch + 60, now: epoch) == false)
        #expect(try await store.recordTokenUse(issuer: "other", tokenID: "j1", expiresAt: epoch + 60, now: epoch))
    }

    /// Ledger: unique reservations, record only against a reservation and once, revocation states.
    public static func runCertificateLedgerContract(makeLedger: () async throws -> any CertificateLedger) async throws {
        let ledger = try await makeLedger()
        let serial = CertificateSerial(bytes: [0x40, 9, 9, 9, 9, 9, 9, 9, 9])
        let reservation = SerialReservation(serial: serial, orderID: .init("o1"), accountID: .init("alice"), reservedAt: epoch)
        #expect(try await ledger.reserveSerial(reservation))
        #expect(try await ledger.reserveSerial(reservation) == false, "a serial is reserved once")
        #expect(try await ledger.unrecordedReservations(before: epoch + 1) == [reservation])
        let record = IssuedCertificate(
            serial: serial, accountID: .init("alice"), orderID: .init("o1"), der: [0x30, 0x00], chainPEM: "PEM",
            issuedAt: epoch, notAfter: epoch + 86_400
        )
        let stray = IssuedCertificate(
            serial: CertificateSerial(bytes: [0x41]), accountID: .init("alice"), orderID: .init("o1"), der: [0x30, 0x00],
            chainPEM: "PEM", issuedAt: epoch, notAfter: epoch + 86_400
        )
        #expect(try await ledger.recordIssuance(stray) == false, "no certificate without a reservation")
        #expect(try await ledger.recordIssuance(record))
        #expect(try await ledger.recordIssuance(record) == false, "a certificate is recorded once")
        #expect(try await ledger.unrecordedReservations(before: epoch + 1).isEmpty)
        #expect(try await ledger.certificate(serial) == record)
        #expect(try await ledger.certificate(forOrder: .init("o1")) == record)
        #expect(try await ledger.certificates(of: .init("alice")) == [record])
        #expect(try await ledger.markRevoked(serial, reason: 1, at: epoch + 5) == .revoked)
        #expect(try await ledger.markRevoked(serial, reason: 1, at: epoch + 6) == .alreadyRevoked)
        #expect(try await ledger.certificate(serial)?.revocation == IssuedCertificate.Revocation(reason: 1, date: epoch + 5))
        #expect(try await ledger.markRevoked(CertificateSerial(bytes: [0x42]), reason: 0, at: epoch) == .unknown)
    }
}
