import AuthorityToken
import Crypto
import Foundation
import JOSE
import PolicyAdministration
import PolicyAdministrationTesting
import STIRTesting
import Synchronization
import TNAuthList
import Testing

@Suite("SPC token issuance and the SP-PA-proxy")
struct SPCTokenIssuerTests {
    static let paKey = TestPKI.key("sti-pa-token-signing")
    static let x5u = "https://sti-pa.example/cert/token-signing.pem"
    static let crlURL = "https://sti-pa.example/download/v1/crl"
    static let fingerprint = AccountKeyFingerprint(accountKey: JSONWebKey(publicKey: TestPKI.key("acme-account").publicKey))

    struct Context {
        let stores: PolicyAdministrationStores
        let admin: AccountAdministration
        let auth: PortalAuthentication
        let issuer: SPCTokenIssuer
        let clock: TestClock
    }

    static func context() async throws -> Context {
        let clock = TestClock()
        let (stores, admin, auth) = try await Fixture.provisioned(clock: clock)
        let counter = Mutex(0)
        let issuer = SPCTokenIssuer(
            stores: stores, authentication: auth, signer: try AuthorityTokenSigner(privateKey: paKey, x5u: x5u),
            issuer: "https://sti-pa.example", tokenLifetime: 900, crlURL: crlURL, now: clock.closure,
            makeTokenID: { counter.withLock { $0 += 1; return "jti-\($0)" } }
        )
        return Context(stores: stores, admin: admin, auth: auth, issuer: issuer, clock: clock)
    }

    static func request(_ list: TNAuthorizationList, ca: Bool = false) throws -> SPCTokenRequest {
        SPCTokenRequest(atc: try AuthorityTokenClaims.ATC(tnAuthList: list, isCA: ca, fingerprint: fingerprint))
    }

    @Test("a token verifies with the PA key and carries iss, exp, jti, x5u and the exact atc requested")
    func tokenContents() async throws {
        let c = try await Self.context()
        let grant = try await c.auth.login(userID: "alice", password: Fixture.password)
        let list = try Fixture.list(.spc(Fixture.spc("1234")))
        let body = try Self.request(list).jsonBody()
        let issued = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: grant.accessToken, requestBody: body)
        let verified = try UnverifiedAuthorityToken(compact: issued.token).verifySignature(using: Self.paKey.publicKey)
        #expect(verified.header.x5u == Self.x5u)
        #expect(verified.claims.issuer == "https://sti-pa.example" && verified.claims.tokenID == "jti-1")
        #expect(verified.claims.expiresAt == Int64(c.clock.now.timeIntervalSince1970) + 900)
        #expect(verified.claims.atc == (try Self.request(list).atc))
        #expect(issued.crlURL == Self.crlURL)
        let response = try StrictJSONParser().parse(try issued.responseBody()).objectValue
        #expect(response?["status"]?.stringValue == "success" && response?["token"]?.stringValue == issued.token)
        #expect(response?["crl"]?.stringValue == Self.crlURL)
        #expect(try await c.stores.issuances.issuance(tokenID: "jti-1")?.accountID == Fixture.spcOnly.id)
        #expect(throws: AuthorityTokenError.self) {
            try UnverifiedAuthorityToken(compact: issued.token).verifySignature(using: TestPKI.key("other").publicKey)
        }
    }

    @Test("a TN-level account gets tokens for numbers inside its ranges and its SPC, not outside", arguments: [
        ("12025550100", 100, true), ("12025550150", 10, true), ("12025550190", 20, false), ("12025559990", 5, false),
    ])
    func tnLevelScope(start: String, count: Int, allowed: Bool) async throws {
        let c = try await Self.context()
        let grant = try await c.auth.login(userID: "tina", password: Fixture.password)
        let request = try Self.request(try Fixture.list(Fixture.range(start, count)))
        if allowed {
            _ = try await c.issuer.issueToken(accountID: Fixture.tnLevel.id, accessToken: grant.accessToken, request: request)
        } else {
            await StoreContract.expectCode(.scopeNotHeld) {
                _ = try await c.issuer.issueToken(accountID: Fixture.tnLevel.id, accessToken: grant.accessToken, request: request)
            }
        }
    }

    @Test("an SPC-only account gets its own SPC but not another SPC nor unproven numbers")
    func spcScope() async throws {
        let c = try await Self.context()
        let token = try await c.auth.login(userID: "alice", password: Fixture.password).accessToken
        _ = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: token, request: try Self.request(try Fixture.list(.spc(Fixture.spc("1234")))))
        for list in [try Fixture.list(.spc(Fixture.spc("5678"))), try Fixture.list(Fixture.range("12025550100", 2))] {
            await StoreContract.expectCode(.scopeNotHeld) {
                _ = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: token, request: try Self.request(list))
            }
        }
    }

    @Test("ca: true is granted only to accounts authorised to run an STI-SCA")
    func caFlag() async throws {
        let c = try await Self.context()
        let alice = try await c.auth.login(userID: "alice", password: Fixture.password).accessToken
        await StoreContract.expectCode(.caNotAllowed) {
            _ = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: alice, request: try Self.request(try Fixture.list(.spc(Fixture.spc("1234"))), ca: true))
        }
        let tina = try await c.auth.login(userID: "tina", password: Fixture.password).accessToken
        let issued = try await c.issuer.issueToken(accountID: Fixture.tnLevel.id, accessToken: tina, request: try Self.request(try Fixture.list(.spc(Fixture.spc("5678"))), ca: true))
        #expect(try UnverifiedAuthorityToken(compact: issued.token).unverifiedClaims.atc.isCA)
    }

    @Test("unauthenticated users, other accounts, unknown and disabled accounts are refused")
    func accessRules() async throws {
        let c = try await Self.context()
        let request = try Self.request(try Fixture.list(.spc(Fixture.spc("1234"))))
        await StoreContract.expectCode(.notAuthenticated) {
            _ = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: AccessToken("nope"), request: request)
        }
        let tina = try await c.auth.login(userID: "tina", password: Fixture.password).accessToken
        await StoreContract.expectCode(.notAuthorised) {
            _ = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: tina, request: request)
        }
        await StoreContract.expectCode(.unknownAccount) {
            _ = try await c.issuer.issueToken(accountID: AccountID("nobody"), accessToken: tina, request: request)
        }
        let alice = try await c.auth.login(userID: "alice", password: Fixture.password).accessToken
        _ = try await c.stores.accounts.setAccountStatus(id: Fixture.spcOnly.id, to: .disabled)
        await StoreContract.expectCode(.accountDisabled) {
            _ = try await c.issuer.issueToken(accountID: Fixture.spcOnly.id, accessToken: alice, request: request)
        }
    }

    @Test("malformed atc bodies are refused", arguments: [
        "", "{}", "{\"atc\":1}", "{\"atc\":{\"tktype\":\"Other\",\"tkvalue\":\"MAigBhYEMTIzNA==\",\"fingerprint\":\"SHA256 00\"}}",
        "{\"atc\":{\"tktype\":\"TNAuthList\",\"tkvalue\":\"!!\",\"fingerprint\":\"SHA256 00\"}}",
        "{\"atc\":{\"tktype\":\"TNAuthList\",\"tkvalue\":\"MAigBhYEMTIzNA==\",\"ca\":\"yes\",\"fingerprint\":\"x\"}}",
        "{\"atc\":{\"tktype\":\"TNAuthList\",\"tkvalue\":\"MAigBhYEMTIzNA==\",\"fingerprint\":\"SHA256 AB:CD\"}}",
        "{\"atc\":{\"tktype\":\"TNAuthList\",\"tkvalue\":\"MAigBhYEMTIzNA==\"}}",
        "{\"atc\":{\"tktype\":\"TNAuthList\",\"tktype\":\"TNAuthList\"}}",
    ])
    func malformedATC(body: String) {
        #expect(throws: PolicyAdministrationError(.malformedATC, "")) { try SPCTokenRequest(jsonBody: Array(body.utf8)) }
    }

    @Test("a lower-case tktype and unpadded base64url tkvalue are accepted")
    func lenientInput() throws {
        let text = "{\"atc\":{\"tktype\":\"tnauthlist\",\"tkvalue\":\"MAigBhYEMTIzNA\",\"fingerprint\":\"\(Self.fingerprint.description.lowercased())\"}}"
        let request = try SPCTokenRequest(jsonBody: Array(text.utf8))
        #expect(request.atc.tnAuthList == (try Fixture.list(.spc(Fixture.spc("1234")))))
        #expect(request.atc.fingerprint == Self.fingerprint && !request.atc.isCA)
    }

    @Test("the SP-PA-proxy asks the STI-PA, as the SP, for exactly the TNs delegated to the PBX (seed 002 figure 9)")
    func proxyFlow() async throws {
        let c = try await Self.context()
        let registry = InMemoryDelegationRegistry()
        let delegated = try Fixture.list(Fixture.range("12025550120", 10))
        await registry.recordDelegation(Delegation(customer: CustomerID("pbx-1"), tnAuthList: delegated))
        let proxy = SPPAProxy(registry: registry)
        let request = try await proxy.tokenRequest(forCustomer: CustomerID("pbx-1"), fingerprint: Self.fingerprint)
        #expect(request.atc.tnAuthList == delegated)
        let sp = try await c.auth.login(userID: "tina", password: Fixture.password).accessToken
        let issued = try await c.issuer.issueToken(accountID: Fixture.tnLevel.id, accessToken: sp, requestBody: try request.jsonBody())
        #expect(try UnverifiedAuthorityToken(compact: issued.token).unverifiedClaims.atc.tnAuthList == delegated)
        await StoreContract.expectCode(.unknownCustomer) {
            _ = try await proxy.tokenRequest(forCustomer: CustomerID("pbx-2"), fingerprint: Self.fingerprint)
        }
        await StoreContract.expectCode(.delegationOutsideScope) {
            _ = try await proxy.tokenRequest(forCustomer: CustomerID("pbx-1"), fingerprint: Self.fingerprint, requested: try Fixture.list(Fixture.range("12025550120", 11)))
        }
        await StoreContract.expectCode(.delegationOutsideScope) {
            _ = try await proxy.tokenRequest(forCustomer: CustomerID("pbx-1"), fingerprint: Self.fingerprint, ca: true)
        }
    }

    @Test("the provider's customer token authority signs only inside each customer's delegation")
    func customerAuthority() async throws {
        let key = TestPKI.key("tnsp-token-signing")
        let authority = CustomerTokenAuthority(
            providerScope: Fixture.tnLevel.heldScope, registry: InMemoryDelegationRegistry(),
            signer: try AuthorityTokenSigner(privateKey: key, x5u: "https://tnsp.example/token.pem"),
            issuer: "https://tnsp.example", crlURL: "https://tnsp.example/crl", now: TestClock().closure, makeTokenID: { "c-1" }
        )
        await StoreContract.expectCode(.delegationOutsideScope) {
            try await authority.registerCustomer(Delegation(customer: CustomerID("pbx"), tnAuthList: try Fixture.list(Fixture.range("12025550190", 20))))
        }
        let delegated = try Fixture.list(Fixture.range("12025550110", 10))
        try await authority.registerCustomer(Delegation(customer: CustomerID("pbx"), tnAuthList: delegated))
        let issued = try await authority.issueToken(for: CustomerID("pbx"), request: try Self.request(delegated))
        let verified = try UnverifiedAuthorityToken(compact: issued.token).verifySignature(using: key.publicKey)
        #expect(verified.claims.atc.tnAuthList == delegated && verified.claims.issuer == "https://tnsp.example")
        await StoreContract.expectCode(.delegationOutsideScope) {
            _ = try await authority.issueToken(for: CustomerID("pbx"), request: try Self.request(try Fixture.list(Fixture.range("12025550100", 20))))
        }
        await StoreContract.expectCode(.delegationOutsideScope) {
            _ = try await authority.issueToken(for: CustomerID("pbx"), request: try Self.request(delegated, ca: true))
        }
        await StoreContract.expectCode(.unknownCustomer) {
            _ = try await authority.issueToken(for: CustomerID("other"), request: try Self.request(delegated))
        }
    }
}
