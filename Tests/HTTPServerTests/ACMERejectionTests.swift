import ACMECore
import ACMETesting
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import STIRTesting
import Testing

@Suite("ACME request rejections through HTTP (RFC 8555 §6, Boulder WFE checks)")
struct ACMERejectionTests {
    static let malformed = "urn:ietf:params:acme:error:malformed"

    static func registered(_ server: ACMETestServer, _ client: any TestClientProtocol, _ label: String = "r") async throws -> ACMEHTTPClient {
        try await ACMEHTTPClient(client, linker: server.linker, key: ACMEClientKey(TestPKI.key("reject-" + label))).register()
    }

    @Test("a POST without Content-Type application/jose+json is malformed with 415", arguments: [nil, "application/json", "text/plain"])
    func contentType(_ type: String?) async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let body = try acme.key.sign(url: server.linker.newOrder, nonce: try await acme.nonce(), kid: acme.kid, payload: nil)
            var headers: HTTPFields = [:]
            if let type { headers[.contentType] = type }
            let response = try await acme.raw("/acme/new-order", body: body, headers: headers)
            #expect(response.status == .unsupportedMediaType)
            #expect(try ACMEHTTPClient.problemType(response) == Self.malformed)
            #expect(response.headers[.replayNonceForTests] != nil)
        }
    }

    @Test("Content-Type with parameters and other case is accepted")
    func contentTypeParameters() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let body = try acme.key.sign(url: try #require(acme.kid), nonce: try await acme.nonce(), kid: acme.kid, payload: nil)
            let response = try await acme.raw(acme.path(try #require(acme.kid)), body: body, headers: [.contentType: "Application/JOSE+JSON; charset=utf-8"])
            #expect(response.status == .ok)
        }
    }

    @Test("a Replay-Nonce request header is rejected as malformed")
    func replayNonceHeader() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let nonce = try await acme.nonce()
            let body = try acme.key.sign(url: try #require(acme.kid), nonce: nonce, kid: acme.kid, payload: nil)
            var headers = ACMEHTTPClient.joseHeaders
            headers[.replayNonceForTests] = nonce
            let response = try await acme.raw(acme.path(try #require(acme.kid)), body: body, headers: headers)
            #expect(response.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(response) == Self.malformed)
        }
    }

    @Test("a body over the limit is malformed with 413, declared or streamed")
    func oversized() async throws {
        let server = ACMETestServer()
        let router = server.router(.init(maximumBodySize: 1_024))
        try await Application(router: router).test(.router) { client in
            let acme = try await Self.registered(server, client)
            let padding = String(repeating: "a", count: 2_000)
            let response = try await acme.post(server.linker.newOrder, payload: try object([("padding", .string(padding))]))
            #expect(response.status == .contentTooLarge)
            #expect(try ACMEHTTPClient.problemType(response) == Self.malformed)
        }
    }

    @Test("a used nonce is badNonce with a fresh Replay-Nonce to retry with")
    func usedNonce() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kid = try #require(acme.kid)
            let nonce = try await acme.nonce()
            #expect(try await acme.post(kid, payload: nil, nonce: nonce).status == .ok)
            let replay = try await acme.post(kid, payload: nil, nonce: nonce)
            #expect(replay.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(replay) == "urn:ietf:params:acme:error:badNonce")
            let fresh = try #require(replay.headers[.replayNonceForTests])
            #expect(fresh != nonce)
            #expect(try await acme.post(kid, payload: nil, nonce: fresh).status == .ok)
        }
    }

    @Test("an unknown or expired nonce is badNonce")
    func unknownNonce() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kid = try #require(acme.kid)
            let unknown = try await acme.post(kid, payload: nil, nonce: "AAAAAAAAAAAAAAAAAAAAAA")
            #expect(try ACMEHTTPClient.problemType(unknown) == "urn:ietf:params:acme:error:badNonce")
            let nonce = try await acme.nonce()
            server.world.advance(2 * 3_600)
            let expired = try await acme.post(kid, payload: nil, nonce: nonce)
            #expect(try ACMEHTTPClient.problemType(expired) == "urn:ietf:params:acme:error:badNonce")
        }
    }

    @Test("a JWS without a nonce is badNonce")
    func missingNonce() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kid = try #require(acme.kid)
            let body = try acme.key.sign(url: kid, nonce: nil, kid: kid, payload: nil)
            let response = try await acme.raw(acme.path(kid), body: body)
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:badNonce")
        }
    }

    @Test("a protected header with the nonce twice is malformed")
    func duplicateNonce() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kid = try #require(acme.kid)
            let nonce = try await acme.nonce()
            let header = #"{"alg":"ES256","kid":"\#(kid)","nonce":"\#(nonce)","nonce":"\#(nonce)","url":"\#(kid)"}"#
            let protected = Base64URL.encode(Array(header.utf8))
            let signature = try ES256.sign(Array((protected + ".").utf8), using: acme.key.privateKey)
            let body = #"{"protected":"\#(protected)","payload":"","signature":"\#(Base64URL.encode(signature))"}"#
            let response = try await acme.raw(acme.path(kid), body: Array(body.utf8))
            #expect(response.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(response) == Self.malformed)
        }
    }

    @Test("a JWS whose url differs from the request URL is unauthorized")
    func wrongURL() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let body = try acme.key.sign(url: server.linker.newOrder, nonce: try await acme.nonce(), kid: acme.kid, payload: nil)
            let response = try await acme.raw(acme.path(try #require(acme.kid)), body: body)
            #expect(response.status == .forbidden)
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:unauthorized")
        }
    }

    @Test("a url naming another host is refused even when the path matches")
    func wrongOrigin() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kid = try #require(acme.kid)
            let foreign = kid.replacingOccurrences(of: "sti-ca.example", with: "evil.example")
            let body = try acme.key.sign(url: foreign, nonce: try await acme.nonce(), kid: kid, payload: nil)
            let response = try await acme.raw(acme.path(kid), body: body)
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:unauthorized")
        }
    }

    @Test("kid on newAccount and jwk elsewhere are malformed")
    func keyForms() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kidOnNewAccount = try await acme.post(server.linker.newAccount, payload: try object([]))
            #expect(try ACMEHTTPClient.problemType(kidOnNewAccount) == Self.malformed)
            let jwkOnNewOrder = try await acme.post(server.linker.newOrder, payload: try object([]), useJWK: true)
            #expect(try ACMEHTTPClient.problemType(jwkOnNewOrder) == Self.malformed)
            let both = try await acme.post(server.linker.newOrder, payload: try object([]), extra: [.init("jwk", acme.key.jwk.jsonValue)])
            #expect(try ACMEHTTPClient.problemType(both) == Self.malformed)
        }
    }

    @Test("a kid that names no account is accountDoesNotExist")
    func unknownAccount() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            var acme = ACMEHTTPClient(client, linker: server.linker, key: ACMEClientKey(TestPKI.key("reject-ghost")))
            acme.kid = server.linker.account(.init("ghost"))
            let response = try await acme.post(server.linker.newOrder, payload: try object([]))
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:accountDoesNotExist")
        }
    }

    @Test("a JWS signed by another key than the account's is malformed (bad signature)")
    func badSignature() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let impostor = ACMEHTTPClient(client, linker: server.linker, key: ACMEClientKey(TestPKI.key("reject-impostor")), kid: acme.kid)
            let response = try await impostor.post(try #require(acme.kid), payload: nil)
            #expect(response.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(response) == Self.malformed)
        }
    }

    @Test("a non-ES256 algorithm is refused", arguments: ["RS256", "none", "HS256"])
    func algorithm(_ alg: String) async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.registered(server, client)
            let kid = try #require(acme.kid)
            let header = #"{"alg":"\#(alg)","kid":"\#(kid)","nonce":"\#(try await acme.nonce())","url":"\#(kid)"}"#
            let protected = Base64URL.encode(Array(header.utf8))
            let signature = try ES256.sign(Array((protected + ".").utf8), using: acme.key.privateKey)
            let body = #"{"protected":"\#(protected)","payload":"","signature":"\#(Base64URL.encode(signature))"}"#
            let response = try await acme.raw(acme.path(kid), body: Array(body.utf8))
            #expect(response.status == .badRequest)
            let type = try ACMEHTTPClient.problemType(response)
            #expect(type == "urn:ietf:params:acme:error:badSignatureAlgorithm" || type == Self.malformed)
        }
    }

    @Test("a body that is not a flattened JWS is malformed", arguments: ["", "{}", "not json", #"{"protected":"e30","payload":"","signature":"","header":{}}"#])
    func notJWS(_ body: String) async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = ACMEHTTPClient(client, linker: server.linker, key: ACMEClientKey(TestPKI.key("reject-x")))
            let response = try await acme.raw("/acme/new-account", body: Array(body.utf8))
            #expect(response.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(response) == Self.malformed)
            #expect(response.headers[.linkForTests] != nil)
        }
    }
}
