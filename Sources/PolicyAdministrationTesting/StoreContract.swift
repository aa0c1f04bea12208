import CertificateRevocation
import Foundation
import PolicyAdministration
import TNAuthList
import Testing
import X509

/// The behaviour every implementation of the PolicyAdministration store protocols must show, written
/// once against the in-memory reference actors and re-run by storage adapters (SQLite, PostgreSQL).
///
/// Each function takes a factory giving a fresh, empty store and records failures with `#expect`.
public enum StoreContract {
    /// A fixed instant the contract uses.
    public static let referenceTime = Date(timeIntervalSince1970: 1_735_689_600)

    /// Runs every contract against fresh stores from `makeStores`.
    public static func runAll(_ makeStores: () async throws -> PolicyAdministrationStores) async throws {
        try await accountStore(try await makeStores().accounts)
        try await credentialStore(try await makeStores().credentials)
        try await accessTokenStore(try await makeStores().accessTokens)
        try await tokenIssuanceLog(try await makeStores().issuances)
        try await trustListStore(try await makeStores().trustList)
        try await revocationStore(try await makeStores().revocations)
    }

    /// ``AccountStore``: create, duplicate id and SPC refused, read, list in id order, update, status, unknown id.
    public static func accountStore(_ store: any AccountStore) async throws {
        let first = ServiceProviderAccount(id: AccountID("sp-b"), name: "B", spc: try ServiceProviderCode("1234"))
        let second = ServiceProviderAccount(
            id: AccountID("sp-a"),
            name: "A",
            spc: try ServiceProviderCode("5678"),
            tnRanges: [.range(try TelephoneNumberRange(start: TelephoneNumber("12025550100"), count: 100))],
            mayRunSubordinateCA: true
        )
        try await store.createAccount(first)
        try await store.createAccount(second)
        #expect(try await store.account(id: first.id) == first)
        #expect(try await store.account(id: second.id) == second)
        #expect(try await store.account(id: AccountID("nobody")) == nil)
        #expect(try await store.accounts().map(\.id) == [second.id, first.id])
        await expectCode(.duplicateAccount) { try await store.createAccount(first) }
        let sameSPC = ServiceProviderAccount(id: AccountID("sp-c"), name: "C", spc: first.spc)
        await expectCode(.duplicateAccount) { try await store.createAccount(sameSPC) }
        let renamed = try await store.updateAccount(id: first.id, applying: AccountChanges(name: "B2", mayRunSubordinateCA: true))
        #expect(renamed.name == "B2" && renamed.mayRunSubordinateCA && renamed.spc == first.spc)
        #expect(try await store.account(id: first.id) == renamed)
        let spcOnly = try await store.updateAccount(id: second.id, applying: AccountChanges(tnRanges: .some(nil)))
        #expect(spcOnly.tnRanges == nil)
        #expect(try await store.account(id: second.id)?.tnRanges == nil)
        let disabled = try await store.setAccountStatus(id: first.id, to: .disabled)
        #expect(disabled.status == .disabled)
        #expect(try await store.account(id: first.id)?.status == .disabled)
        await expectCode(.unknownAccount) { _ = try await store.updateAccount(id: AccountID("x"), applying: AccountChanges(name: "x")) }
        await expectCode(.unknownAccount) { _ = try await store.setAccountStatus(id: AccountID("x"), to: .active) }
    }

    /// ``CredentialStore``: create, duplicate refused, read, replace hash, unknown user, remove.
    public static func credentialStore(_ store: any CredentialStore) async throws {
        let hash = PasswordHash(costExponent: 10, blockSize: 8, parallelism: 1, salt: Array(repeating: 1, count: 16), derivedKey: Array(repeating: 2, count: 32))
        let other = PasswordHash(costExponent: 10, blockSize: 8, parallelism: 1, salt: Array(repeating: 3, count: 16), derivedKey: Array(repeating: 4, count: 32))
        let credential = UserCredential(userID: "alice", accountID: AccountID("sp-a"), passwordHash: hash)
        try await store.createCredential(credential)
        #expect(try await store.credential(userID: "alice") == credential)
        #expect(try await store.credential(userID: "bob") == nil)
        await expectCode(.duplicateUser) { try await store.createCredential(credential) }
        try await store.replacePasswordHash(userID: "alice", with: other)
        #expect(try await store.credential(userID: "alice")?.passwordHash == other)
        await expectCode(.unknownUser) { try await store.replacePasswordHash(userID: "bob", with: other) }
        #expect(try await store.removeCredential(userID: "alice"))
        #expect(try await !store.removeCredential(userID: "alice"))
        #expect(try await store.credential(userID: "alice") == nil)
    }

    /// ``AccessTokenStore``: store, find by hash, revoke one, revoke by account, purge expired.
    public static func accessTokenStore(_ store: any AccessTokenStore) async throws {
        let t = referenceTime
        func record(_ byte: UInt8, _ account: String, expires: TimeInterval) -> AccessTokenRecord {
            AccessTokenRecord(tokenHash: Array(repeating: byte, count: 32), userID: "u\(byte)", accountID: AccountID(account), issuedAt: t, expiresAt: t + expires)
        }
        let one = record(1, "a", expires: 60)
        let two = record(2, "a", expires: 600)
        let three = record(3, "b", expires: 60)
        let four = record(4, "b", expires: 600)
        for item in [one, two, three, four] { try await store.storeAccessToken(item) }
        #expect(try await store.accessToken(hash: one.tokenHash) == one)
        #expect(try await store.accessToken(hash: Array(repeating: 9, count: 32)) == nil)
        #expect(try await store.revokeAccessToken(hash: one.tokenHash))
        #expect(try await !store.revokeAccessToken(hash: one.tokenHash))
        #expect(try await store.accessToken(hash: one.tokenHash) == nil)
        #expect(try await store.revokeAccessTokens(accountID: AccountID("a")) == 1)
        #expect(try await store.accessToken(hash: two.tokenHash) == nil)
        #expect(try await store.purgeAccessTokens(expiredAt: t + 60) == 1)
        #expect(try await store.accessToken(hash: three.tokenHash) == nil)
        #expect(try await store.accessToken(hash: four.tokenHash) == four)
    }

    /// ``TokenIssuanceLog``: record, duplicate `jti` refused, read, per-account list oldest first.
    public static func tokenIssuanceLog(_ log: any TokenIssuanceLog) async throws {
        let list = try TNAuthorizationList([.spc(try ServiceProviderCode("1234"))])
        func issuance(_ id: String, _ account: String, at offset: TimeInterval, ca: Bool = false) -> TokenIssuance {
            TokenIssuance(
                tokenID: id, accountID: AccountID(account), userID: "alice", tnAuthList: list, ca: ca,
                fingerprint: "SHA256 00", issuedAt: referenceTime + offset, expiresAt: referenceTime + offset + 300
            )
        }
        let late = issuance("j-1", "a", at: 10, ca: true)
        let early = issuance("j-2", "a", at: 5)
        let elsewhere = issuance("j-3", "b", at: 1)
        for item in [late, early, elsewhere] { try await log.recordIssuance(item) }
        await expectCode(.duplicateTokenID) { try await log.recordIssuance(issuance("j-1", "b", at: 20)) }
        #expect(try await log.issuance(tokenID: "j-1") == late)
        #expect(try await log.issuance(tokenID: "j-9") == nil)
        #expect(try await log.issuances(accountID: AccountID("a")) == [early, late])
        #expect(try await log.issuances(accountID: AccountID("z")).isEmpty)
    }

    /// ``TrustListStore``: empty at first, sequences 1, 2, … by compare-and-set, stale expectations refused.
    public static func trustListStore(_ store: any TrustListStore) async throws {
        #expect(try await store.currentTrustList() == nil)
        await expectCode(.trustListConflict) { _ = try await store.replaceTrustList(roots: [], at: referenceTime, ifSequence: 1) }
        let first = try await store.replaceTrustList(roots: [[1, 2]], at: referenceTime, ifSequence: nil)
        #expect(first.sequence == 1 && first.roots == [[1, 2]])
        await expectCode(.trustListConflict) { _ = try await store.replaceTrustList(roots: [], at: referenceTime, ifSequence: nil) }
        let second = try await store.replaceTrustList(roots: [[1, 2], [3]], at: referenceTime + 1, ifSequence: 1)
        #expect(second.sequence == 2)
        await expectCode(.trustListConflict) { _ = try await store.replaceTrustList(roots: [], at: referenceTime, ifSequence: 1) }
        #expect(try await store.currentTrustList() == second)
    }

    /// ``RevocationStore``: record in order, duplicate (serial, issuer) refused, same serial of another issuer
    /// accepted, CRL numbers strictly increasing from 1.
    public static func revocationStore(_ store: any RevocationStore) async throws {
        let issuerA = try DistinguishedName { CommonName("Issuer A") }
        let issuerB = try DistinguishedName { CommonName("Issuer B") }
        let first = RevocationRecord(serialNumber: Certificate.SerialNumber(bytes: [1, 2, 3]), issuer: issuerA, reason: .keyCompromise, revokedAt: referenceTime)
        let second = RevocationRecord(serialNumber: Certificate.SerialNumber(bytes: [1, 2, 3]), issuer: issuerB, reason: .superseded, revokedAt: referenceTime + 1)
        try await store.recordRevocation(first)
        try await store.recordRevocation(second)
        await expectCode(.alreadyRevoked) { try await store.recordRevocation(first) }
        #expect(try await store.revocations() == [first, second])
        var numbers: [UInt64] = []
        for _ in 0..<3 { numbers.append(try await store.allocateCRLNumber()) }
        #expect(numbers == [1, 2, 3])
    }

    /// Expects `body` to throw a ``PolicyAdministrationError`` with `code`.
    public static func expectCode(
        _ code: PolicyAdministrationError.Code,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("expected PolicyAdministrationError.\(code), nothing thrown", sourceLocation: sourceLocation)
        } catch let error as PolicyAdministrationError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected PolicyAdministrationError.\(code), got \(error)", sourceLocation: sourceLocation)
        }
    }
}
