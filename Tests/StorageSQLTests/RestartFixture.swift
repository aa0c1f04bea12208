import ACMECore
import ACMETesting
import AuthorityToken
import Crypto
import Foundation
import JOSE
import PolicyAdministration
import StorageSQL
import TNAuthList
import Testing
import X509

/// Writes one record into every store, closes the storage, and checks a reopened storage returns them.
enum RestartFixture {
    struct Snapshot {
        let account: ACMEAccount
        let order: ACMEOrder
        let authorization: ACMEAuthorization
        let certificate: IssuedCertificate
        let provider: ServiceProviderAccount
        let credential: UserCredential
        let session: AccessTokenRecord
        let issuance: TokenIssuance
        let trustList: TrustListSnapshot
        let revocation: RevocationRecord
        let delegation: Delegation
        let proxyHolder: AccountKeyFingerprint
        let proxyAccount: SPCAProxyAccount
        let proxyOrder: SPCAProxyOrder
    }

    static let epoch = Date(timeIntervalSince1970: 1_735_689_600)

    static func write(path: String) async throws -> Snapshot {
        let storage = try await SQLStorage.open(.sqlite(path: path))
        do {
            let snapshot = try await fill(storage)
            await storage.close()
            return snapshot
        } catch {
            await storage.close()
            throw error
        }
    }

    private static func fill(_ storage: SQLStorage) async throws -> Snapshot {
        var raw = [UInt8](repeating: 0, count: 32)
        raw[31] = 42
        let key = JSONWebKey(publicKey: try P256.Signing.PrivateKey(rawRepresentation: raw).publicKey)
        let account = ACMEAccount(id: .init("acct"), key: key, contact: ["mailto:ops@example.com"], createdAt: epoch)
        _ = try await storage.acmeAccounts.createAccount(account)

        let (order, authorization) = try ACMEStoreContract.sampleOrder(id: "restart", account: "acct")
        try await storage.orders.createOrder(order, authorizations: [authorization])
        _ = try await storage.orders.markChallengeProcessing(authorization.challenges[0].id)
        _ = try await storage.orders.finalizeAuthorization(authorization.id, challenge: authorization.challenges[0].id, outcome: .valid(at: epoch, grantsCA: false))
        _ = try await storage.orders.markOrderReady(order.id)
        _ = try await storage.orders.markOrderProcessing(order.id, at: epoch + 1)
        let serial = CertificateSerial(bytes: [0x41, 1, 2, 3, 4, 5, 6, 7, 8])
        _ = try await storage.certificateLedger.reserveSerial(SerialReservation(serial: serial, orderID: order.id, accountID: account.id, reservedAt: epoch + 1))
        let certificate = IssuedCertificate(
            serial: serial, accountID: account.id, orderID: order.id, der: [0x30, 0x03, 0x02, 0x01, 0x01], chainPEM: "PEM",
            issuedAt: epoch + 2, notAfter: epoch + 86_400
        )
        _ = try await storage.certificateLedger.recordIssuance(certificate)
        _ = try await storage.orders.completeOrder(order.id, certificate: serial)
        try await storage.nonces.insertNonce("survivor", expiresAt: epoch + 60)
        _ = try await storage.tokenReplays.recordTokenUse(issuer: "pa", tokenID: "jti-1", expiresAt: epoch + 60, now: epoch)

        let stores = storage.policyAdministrationStores
        let provider = ServiceProviderAccount(
            id: AccountID("sp-1"), name: "Provider", spc: try ServiceProviderCode("1234"),
            tnRanges: [.range(try TelephoneNumberRange(start: TelephoneNumber("12025550100"), count: 100))], mayRunSubordinateCA: true
        )
        try await stores.accounts.createAccount(provider)
        let credential = UserCredential(
            userID: "alice", accountID: provider.id,
            passwordHash: PasswordHash(costExponent: 14, blockSize: 8, parallelism: 1, salt: Array(repeating: 5, count: 16), derivedKey: Array(repeating: 6, count: 32))
        )
        try await stores.credentials.createCredential(credential)
        let session = AccessTokenRecord(tokenHash: Array(repeating: 7, count: 32), userID: "alice", accountID: provider.id, issuedAt: epoch, expiresAt: epoch + 3_600)
        try await stores.accessTokens.storeAccessToken(session)
        let issuance = TokenIssuance(
            tokenID: "jti-1", accountID: provider.id, userID: "alice", tnAuthList: try TNAuthorizationList([.spc(provider.spc)]), ca: true,
            fingerprint: "SHA256 AA", issuedAt: epoch, expiresAt: epoch + 300
        )
        try await stores.issuances.recordIssuance(issuance)
        let trustList = try await stores.trustList.replaceTrustList(roots: [[0x30, 0x00], [0x30, 0x01, 0x00]], at: epoch, ifSequence: nil)
        let revocation = RevocationRecord(
            serialNumber: Certificate.SerialNumber(bytes: [9, 9]), issuer: try DistinguishedName { CommonName("STI-CA") },
            reason: .keyCompromise, revokedAt: epoch
        )
        try await stores.revocations.recordRevocation(revocation)
        _ = try await stores.revocations.allocateCRLNumber()
        _ = try await stores.revocations.allocateCRLNumber()
        let delegation = Delegation(customer: CustomerID("pbx"), tnAuthList: try TNAuthorizationList([.tn(try TelephoneNumber("12025550101"))]))
        try await storage.delegations.recordDelegation(delegation)

        let proxyHolder = AccountKeyFingerprint(accountKey: key)
        try await storage.spcaProxyRegistry.recordTokenHolder(proxyHolder, customer: "pbx")
        let proxyAccount = SPCAProxyAccount(url: "https://ca.example/acme/account/acct", customer: "pbx", key: key)
        try await storage.spcaProxyRegistry.recordAccount(proxyAccount)
        let proxyOrder = SPCAProxyOrder(id: "proxied", accountURL: proxyAccount.url, identifier: try TNAuthListIdentifier(delegation.tnAuthList))
        try await storage.spcaProxyRegistry.recordOrder(proxyOrder)

        var storedOrder = order
        storedOrder.status = .valid
        storedOrder.certificateSerial = serial
        storedOrder.processingStartedAt = epoch + 1
        var storedAuthorization = authorization
        storedAuthorization.status = .valid
        storedAuthorization.grantsCA = false
        storedAuthorization.challenges[0].status = .valid
        storedAuthorization.challenges[0].validated = epoch
        return Snapshot(
            account: account, order: storedOrder, authorization: storedAuthorization, certificate: certificate, provider: provider,
            credential: credential, session: session, issuance: issuance, trustList: trustList, revocation: revocation, delegation: delegation,
            proxyHolder: proxyHolder, proxyAccount: proxyAccount, proxyOrder: proxyOrder
        )
    }

    static func verify(_ expected: Snapshot, in storage: SQLStorage) async throws {
        #expect(storage.migrationsAppliedAtOpen.isEmpty)
        #expect(try await storage.acmeAccounts.account(expected.account.id) == expected.account)
        #expect(try await storage.orders.order(expected.order.id) == expected.order)
        #expect(try await storage.orders.authorization(expected.authorization.id) == expected.authorization)
        #expect(try await storage.certificateLedger.certificate(expected.certificate.serial) == expected.certificate)
        #expect(try await storage.certificateLedger.reserveSerial(
            SerialReservation(serial: expected.certificate.serial, orderID: .init("x"), accountID: .init("y"), reservedAt: epoch)
        ) == false, "the serial stays reserved after a restart")
        #expect(try await storage.nonces.consumeNonce("survivor", now: epoch), "an issued nonce survives a restart")
        #expect(try await storage.tokenReplays.recordTokenUse(issuer: "pa", tokenID: "jti-1", expiresAt: epoch + 60, now: epoch) == false)

        let stores = storage.policyAdministrationStores
        #expect(try await stores.accounts.account(id: expected.provider.id) == expected.provider)
        #expect(try await stores.credentials.credential(userID: "alice") == expected.credential)
        #expect(try await stores.accessTokens.accessToken(hash: expected.session.tokenHash) == expected.session)
        #expect(try await stores.issuances.issuance(tokenID: "jti-1") == expected.issuance)
        #expect(try await stores.trustList.currentTrustList() == expected.trustList)
        #expect(try await stores.revocations.revocations() == [expected.revocation])
        #expect(try await stores.revocations.allocateCRLNumber() == 3, "CRL numbers continue after a restart")
        #expect(try await storage.delegations.delegation(for: expected.delegation.customer) == expected.delegation)

        let proxy = storage.spcaProxyRegistry
        #expect(try await proxy.customer(forAccountKey: expected.proxyHolder) == "pbx", "the SP-PA-proxy's token holder survives a restart")
        #expect(try await proxy.account(at: expected.proxyAccount.url) == expected.proxyAccount, "the SP-CA-proxy's account survives a restart")
        #expect(try await proxy.order(id: expected.proxyOrder.id) == expected.proxyOrder, "the SP-CA-proxy's order survives a restart")
    }
}
