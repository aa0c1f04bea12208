import ACMECore
import ACMETesting
import Foundation
import JOSE
import STIRTesting
import Testing

@Suite("JWS request checks (RFC 8555 §6.2–§6.5)")
struct RequestVerifierTests {
    static func code(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "valid"
        } catch let error as ACMEError {
            return error.code.description
        } catch {
            return "unexpected \(error)"
        }
    }

    static func header(_ members: [JSONObject.Member], key: ACMEClientKey, payload: [UInt8] = Array("{}".utf8)) throws -> [UInt8] {
        try FlattenedJWS.signES256(protectedHeader: try JSONObject(members), payload: payload, using: key.privateKey).serialized
    }

    @Test("a well-formed kid request verifies and exposes the account and payload")
    func valid() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let request = try await harness.request(client, url: harness.linker.newOrder, payload: .object(JSONObject()))
        #expect(request.account.id == client.account.id)
        #expect(request.payload == .object(JSONObject()))
        #expect(!request.isPostAsGet)
    }

    @Test("an empty payload is POST-as-GET")
    func postAsGet() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let request = try await harness.request(client, url: harness.linker.account(client.account.id), payload: nil)
        #expect(request.isPostAsGet)
    }

    @Test("header rejections each have their problem type", arguments: [
        ("alg none", "badSignatureAlgorithm"), ("alg RS256", "badSignatureAlgorithm"), ("alg missing", "badSignatureAlgorithm"),
        ("crit", "malformed"), ("url missing", "malformed"), ("nonce missing", "badNonce"), ("nonce empty", "badNonce"),
        ("jwk and kid", "malformed"), ("neither jwk nor kid", "malformed"), ("kid not a string", "malformed"),
        ("jwk on a kid endpoint", "malformed"), ("jwk not P-256", "badPublicKey"),
    ])
    func headerRejections(name: String, expected: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let url = harness.linker.newOrder
        let nonce = try await harness.service.newNonce()
        var members: [String: JSONValue] = [
            "alg": .string("ES256"), "url": .string(url), "nonce": .string(nonce), "kid": .string(client.kid),
        ]
        switch name {
        case "alg none": members["alg"] = .string("none")
        case "alg RS256": members["alg"] = .string("RS256")
        case "alg missing": members["alg"] = nil
        case "crit": members["crit"] = .array([.string("b64")])
        case "url missing": members["url"] = nil
        case "nonce missing": members["nonce"] = nil
        case "nonce empty": members["nonce"] = .string("")
        case "jwk and kid": members["jwk"] = client.key.jwk.jsonValue
        case "neither jwk nor kid": members["kid"] = nil
        case "kid not a string": members["kid"] = .integer(1)
        case "jwk on a kid endpoint":
            members["kid"] = nil
            members["jwk"] = client.key.jwk.jsonValue
        case "jwk not P-256":
            members["kid"] = nil
            members["jwk"] = .object(try JSONObject([.init("kty", .string("RSA")), .init("n", .string("AQAB")), .init("e", .string("AQAB"))]))
        default: Issue.record("unknown case \(name)")
        }
        let body = try Self.header(members.map { JSONObject.Member($0.key, $0.value) }, key: client.key)
        let result = await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: body, url: url) }
        #expect(result == expected, "\(name)")
    }

    @Test("badSignatureAlgorithm lists ES256 as the accepted algorithm")
    func algorithmsListed() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let body = try Self.header([.init("alg", .string("HS256")), .init("url", .string("u")), .init("kid", .string(client.kid))], key: client.key)
        do {
            _ = try await harness.verifier.verifyAccountRequest(body: body, url: "u")
            Issue.record("accepted")
        } catch {
            #expect(error.algorithms == ["ES256"])
        }
    }

    @Test("a kid that is not exactly an account URL, or names no account, is accountDoesNotExist", arguments: [
        "https://sti-ca.example/acme/account/nobody", "https://evil.example/acme/account/x", "https://sti-ca.example/acme/account/",
        "https://sti-ca.example/acme/account/x/orders",
    ])
    func unknownKid(kid: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        var forged = client
        forged.kid = kid
        let result = await Self.code { _ = try await harness.request(forged, url: harness.linker.newOrder, payload: nil) }
        #expect(result == "accountDoesNotExist")
    }

    @Test("a deactivated account is unauthorized")
    func deactivated() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let status: JSONValue = .object(try JSONObject([.init("status", .string("deactivated"))]))
        let url = harness.linker.account(client.account.id)
        _ = try await harness.service.updateAccount(client.account.id, request: try await harness.request(client, url: url, payload: status))
        let result = await Self.code { _ = try await harness.request(client, url: harness.linker.newOrder, payload: nil) }
        #expect(result == "unauthorized")
    }

    @Test("a signature by another key is malformed")
    func wrongSigner() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let impostor = Harness.Client(key: Harness.clientKey("impostor"), account: client.account, kid: client.kid)
        let result = await Self.code { _ = try await harness.request(impostor, url: harness.linker.newOrder, payload: nil) }
        #expect(result == "malformed")
    }

    @Test("a url that differs from the request URL is unauthorized")
    func urlMismatch() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let body = try client.key.sign(url: harness.linker.newOrder, nonce: try await harness.service.newNonce(), kid: client.kid, payload: nil)
        let result = await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: body, url: harness.linker.revokeCert) }
        #expect(result == "unauthorized")
    }

    @Test("an unknown, reused or expired nonce is badNonce")
    func nonces() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let url = harness.linker.newOrder
        let unknown = try client.key.sign(url: url, nonce: "never-issued", kid: client.kid, payload: nil)
        #expect(await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: unknown, url: url) } == "badNonce")
        let body = try client.key.sign(url: url, nonce: try await harness.service.newNonce(), kid: client.kid, payload: nil)
        #expect(await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: body, url: url) } == "valid")
        #expect(await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: body, url: url) } == "badNonce")
        let stale = try client.key.sign(url: url, nonce: try await harness.service.newNonce(), kid: client.kid, payload: nil)
        harness.world.advance(3_601)
        #expect(await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: stale, url: url) } == "badNonce")
    }

    @Test("64 concurrent replays of one signed request: exactly one is accepted")
    func replayStorm() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let url = harness.linker.newOrder
        let body = try client.key.sign(url: url, nonce: try await harness.service.newNonce(), kid: client.kid, payload: nil)
        let verifier = harness.verifier
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask { (try? await verifier.verifyAccountRequest(body: body, url: url)) != nil }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        #expect(accepted == 1)
    }

    @Test("body and structure rejections", arguments: [
        ("oversized body", "malformed"), ("unprotected header", "malformed"), ("not JSON", "malformed"),
        ("duplicate payload key", "malformed"), ("duplicate header key", "malformed"), ("compact JWS", "malformed"),
    ])
    func structure(name: String, expected: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let url = harness.linker.newOrder
        let nonce = try await harness.service.newNonce()
        let header: [JSONObject.Member] = [.init("alg", .string("ES256")), .init("kid", .string(client.kid)), .init("nonce", .string(nonce)), .init("url", .string(url))]
        let body: [UInt8]
        switch name {
        case "oversized body": body = [UInt8](repeating: 0x20, count: harness.verifier.maximumBodySize + 1)
        case "unprotected header":
            let jws = try client.key.signJWS(url: url, nonce: nonce, kid: client.kid, payload: nil)
            body = Array(#"{"header":{"kid":"x"},"payload":"","protected":"\#(jws.encodedProtected)","signature":"\#(jws.encodedSignature)"}"#.utf8)
        case "not JSON": body = Array("protected=x".utf8)
        case "duplicate payload key": body = try Self.header(header, key: client.key, payload: Array(#"{"a":1,"a":2}"#.utf8))
        case "duplicate header key":
            let text = #"{"alg":"ES256","alg":"ES256","kid":"\#(client.kid)","nonce":"\#(nonce)","url":"\#(url)"}"#
            let encoded = Base64URL.encode(Array(text.utf8))
            let signature = try ES256.sign(Array((encoded + ".").utf8), using: client.key.privateKey)
            body = Array(#"{"payload":"","protected":"\#(encoded)","signature":"\#(Base64URL.encode(signature))"}"#.utf8)
        case "compact JWS": body = Array("eyJhbGciOiJFUzI1NiJ9.e30.AAAA".utf8)
        default: body = []
        }
        let result = await Self.code { _ = try await harness.verifier.verifyAccountRequest(body: body, url: url) }
        #expect(result == expected, "\(name)")
    }

    @Test("newAccount needs jwk: a kid request to it is refused")
    func newAccountNeedsJWK() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let body = try client.key.sign(url: harness.linker.newAccount, nonce: try await harness.service.newNonce(), kid: client.kid, payload: nil)
        #expect(await Self.code { _ = try await harness.verifier.verifyKeyRequest(body: body, url: harness.linker.newAccount) } == "malformed")
    }
}
