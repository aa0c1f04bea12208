import Foundation
import PolicyAdministration
import PolicyAdministrationTesting
import Testing

@Suite("Portal login, sessions and password hashes")
struct PortalAuthenticationTests {
    @Test("login with the right password yields a session bound to the user's account")
    func loginSucceeds() async throws {
        let clock = TestClock()
        let (_, _, auth) = try await Fixture.provisioned(clock: clock)
        let grant = try await auth.login(userID: "tina", password: Fixture.password)
        #expect(grant.accountID == Fixture.tnLevel.id)
        #expect(grant.expiresAt == clock.now + 600)
        let user = try await auth.authenticate(grant.accessToken)
        #expect(user.userID == "tina" && user.accountID == Fixture.tnLevel.id)
    }

    @Test("a wrong password and an unknown user give the same error", arguments: [
        ("alice", "wrong password entirely"), ("mallory", Fixture.password), ("alice", ""),
    ])
    func badCredentials(userID: String, password: String) async throws {
        let (_, _, auth) = try await Fixture.provisioned(clock: TestClock())
        await StoreContract.expectCode(.invalidCredentials) { _ = try await auth.login(userID: userID, password: password) }
    }

    @Test("the store keeps only the SHA-256 of the token, which is 256 random bits")
    func tokenStoredAsHash() async throws {
        let (stores, _, auth) = try await Fixture.provisioned(clock: TestClock())
        let grant = try await auth.login(userID: "alice", password: Fixture.password)
        #expect(grant.accessToken.value.count == 43)
        let record = try await stores.accessTokens.accessToken(hash: grant.accessToken.hash)
        #expect(record?.tokenHash == grant.accessToken.hash)
        #expect(record?.tokenHash != Array(grant.accessToken.value.utf8))
    }

    @Test("unknown, expired and logged-out tokens are not authenticated")
    func sessionEnds() async throws {
        let clock = TestClock()
        let (_, _, auth) = try await Fixture.provisioned(clock: clock)
        await StoreContract.expectCode(.notAuthenticated) { _ = try await auth.authenticate(AccessToken("forged")) }
        let first = try await auth.login(userID: "alice", password: Fixture.password)
        try await auth.logout(first.accessToken)
        await StoreContract.expectCode(.notAuthenticated) { _ = try await auth.authenticate(first.accessToken) }
        await StoreContract.expectCode(.notAuthenticated) { try await auth.logout(first.accessToken) }
        let second = try await auth.login(userID: "alice", password: Fixture.password)
        clock.advance(by: 599)
        _ = try await auth.authenticate(second.accessToken)
        clock.advance(by: 1)
        await StoreContract.expectCode(.notAuthenticated) { _ = try await auth.authenticate(second.accessToken) }
    }

    @Test("password hashes are salted, round-trip through their storage form, and verify only the right password")
    func passwordHashes() throws {
        let random = TestRandom()
        let hasher = Fixture.fastHasher
        let one = try hasher.hash(password: Fixture.password, randomBytes: random.source)
        let two = try hasher.hash(password: Fixture.password, randomBytes: random.source)
        #expect(one.salt != two.salt && one.derivedKey != two.derivedKey)
        let decoded = try PasswordHash(encoded: one.encoded)
        #expect(decoded == one)
        #expect(try hasher.verify(password: Fixture.password, against: decoded))
        #expect(try !hasher.verify(password: Fixture.password + "x", against: decoded))
        #expect(!one.description.contains(one.encoded))
    }

    @Test("malformed stored hashes are refused", arguments: [
        "", "bcrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "scrypt$99$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "scrypt$10$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "scrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$!!",
        "scrypt$10$8$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ])
    func malformedHash(text: String) {
        #expect(throws: PolicyAdministrationError(.keyDerivationFailed, "")) { try PasswordHash(encoded: text) }
    }
}
