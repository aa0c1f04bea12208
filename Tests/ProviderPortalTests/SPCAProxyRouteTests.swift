import ACMECore
import AuthorityToken
import Crypto
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import Testing

/// The provider's SP-CA-proxy (seed 002 §6.2–§6.3, figure 10): the requests it refuses with an RFC 8555
/// problem document (§6.7) before relaying anything to the STI-CA.
@Suite("SP-CA-proxy routes")
struct SPCAProxyRouteTests {
    static let problem = "urn:ietf:params:acme:error:"

    enum Signer {
        case jwk
        case kid(String)
    }

    /// An ACME request JWS (RFC 8555 §6.2) by `key`, naming `url`.
    static func jws(_ key: P256.Signing.PrivateKey, _ signer: Signer, url: String, payload: JSONValue? = .object(JSONObject())) throws -> String {
        let reference: JSONObject.Member =
            switch signer {
            case .jwk: .init("jwk", JSONWebKey(publicKey: key.publicKey).jsonValue)
            case .kid(let kid): .init("kid", .string(kid))
            }
        let header = try JSONObject([.init("alg", .string("ES256")), reference, .init("nonce", .string("bm9uY2U")), .init("url", .string(url))])
        let bytes = payload.map { CanonicalJSON.encode($0) } ?? []
        return String(decoding: try FlattenedJWS.signES256(protectedHeader: header, payload: bytes, using: key).serialized, as: UTF8.self)
    }

    static func post(_ client: any TestClientProtocol, _ resource: String, _ body: String) async throws -> TestResponse {
        try await client.post("/proxy/acme/" + resource, body, headers: [.contentType: "application/jose+json"])
    }

    /// A key the SP-PA-proxy recorded a token for, as customer `pbx-1`'s.
    static func registeredKey(_ fixture: PortalFixture) async -> P256.Signing.PrivateKey {
        let key = P256.Signing.PrivateKey()
        await fixture.registry.recordTokenHolder(AccountKeyFingerprint(accountKey: JSONWebKey(publicKey: key.publicKey)), customer: "pbx-1")
        return key
    }

    static func expectProblem(_ response: TestResponse, _ type: String, status: HTTPResponse.Status) throws {
        #expect(response.status == status)
        #expect(try response.problemType() == problem + type)
        #expect(response.headers[.link] == "<\(PortalFixture.proxyBase)/directory>;rel=\"index\"")
    }

    @Test("newAccount with a key no PBX obtained a token for through the SP-PA-proxy is unauthorized")
    func unregisteredKey() async throws {
        try await PortalFixture.withPortal { client, fixture in
            let key = P256.Signing.PrivateKey()
            let response = try await Self.post(client, "new-account", try Self.jws(key, .jwk, url: PortalFixture.proxyBase + "/new-account"))
            try Self.expectProblem(response, "unauthorized", status: .forbidden)
            #expect(await fixture.registry.account(at: PortalFixture.proxyBase + "/acct/1") == nil)
        }
    }

    @Test("a JWS whose url names another resource, or the STI-CA, is unauthorized even for a registered key (RFC 8555 §6.4)", arguments: [
        PortalFixture.proxyBase + "/new-order", PortalFixture.proxyBase + "/new-account/x", PortalFixture.unreachable + "/acme/new-account",
        "https://sp-evil.example/proxy/acme/new-account",
    ])
    func urlOfAnotherResource(_ url: String) async throws {
        try await PortalFixture.withPortal { client, fixture in
            let key = await Self.registeredKey(fixture)
            let response = try await Self.post(client, "new-account", try Self.jws(key, .jwk, url: url))
            try Self.expectProblem(response, "unauthorized", status: .forbidden)
        }
    }

    @Test("a JWS signed by another key than its jwk is malformed")
    func badSignature() async throws {
        try await PortalFixture.withPortal { client, fixture in
            let key = await Self.registeredKey(fixture)
            let signed = try Self.jws(key, .jwk, url: PortalFixture.proxyBase + "/new-account")
            let forged = try Self.jws(P256.Signing.PrivateKey(), .jwk, url: PortalFixture.proxyBase + "/new-account")
            let object = try #require(try StrictJSONParser().parse(Array(signed.utf8)).objectValue)
            let other = try #require(try StrictJSONParser().parse(Array(forged.utf8)).objectValue)
            let mixed = try JSONObject(object.map { $0.name == "signature" ? JSONObject.Member($0.name, other["signature"] ?? .null) : $0 })
            let response = try await Self.post(client, "new-account", String(decoding: CanonicalJSON.encode(.object(mixed)), as: UTF8.self))
            try Self.expectProblem(response, "malformed", status: .badRequest)
        }
    }

    @Test("newOrder for an account not created through the proxy is accountDoesNotExist; with jwk it is malformed")
    func unknownAccount() async throws {
        try await PortalFixture.withPortal { client, _ in
            let key = P256.Signing.PrivateKey()
            let url = PortalFixture.proxyBase + "/new-order"
            let byKid = try await Self.post(client, "new-order", try Self.jws(key, .kid(PortalFixture.unreachable + "/acme/acct/9"), url: url))
            try Self.expectProblem(byKid, "accountDoesNotExist", status: .badRequest)
            let byJWK = try await Self.post(client, "new-order", try Self.jws(key, .jwk, url: url))
            try Self.expectProblem(byJWK, "malformed", status: .badRequest)
        }
    }

    @Test("an order or finalize of an order not created through the proxy is 404", arguments: ["order/o1", "order/o1/finalize"])
    func unknownOrder(_ resource: String) async throws {
        try await PortalFixture.withPortal { client, _ in
            let body = try Self.jws(P256.Signing.PrivateKey(), .kid(PortalFixture.unreachable + "/acme/acct/1"), url: PortalFixture.proxyBase + "/" + resource)
            try Self.expectProblem(try await Self.post(client, resource, body), "malformed", status: .notFound)
        }
    }

    @Test("a body over the policy's 65536 bytes is malformed with status 413")
    func oversized() async throws {
        try await PortalFixture.withPortal { client, _ in
            let response = try await Self.post(client, "new-account", String(repeating: "x", count: 65_537))
            try Self.expectProblem(response, "malformed", status: .contentTooLarge)
        }
    }

    @Test("an admitted newAccount the STI-CA cannot be reached for is serverInternal and records no account")
    func upstreamUnavailable() async throws {
        try await PortalFixture.withPortal { client, fixture in
            let key = await Self.registeredKey(fixture)
            let response = try await Self.post(client, "new-account", try Self.jws(key, .jwk, url: PortalFixture.proxyBase + "/new-account"))
            try Self.expectProblem(response, "serverInternal", status: .internalServerError)
        }
    }
}
