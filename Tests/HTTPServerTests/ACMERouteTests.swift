import ACMECore
import ACMETesting
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import STIRTesting
import Testing

@Suite("ACME routes: directory, nonces, accounts")
struct ACMERouteTests {
    static func client(_ test: ACMETestServer, _ client: any TestClientProtocol, _ label: String) -> ACMEHTTPClient {
        ACMEHTTPClient(client, linker: test.linker, key: ACMEClientKey(TestPKI.key("http-" + label)))
    }

    @Test("the directory lists every resource URL and meta.termsOfService, with a nonce and the index link")
    func directory() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let response = try await client.execute(uri: "/acme/directory", method: .get)
            #expect(response.status == .ok)
            let json = try ACMEHTTPClient.json(response)
            #expect(json["newNonce"]?.stringValue == "https://sti-ca.example/acme/new-nonce")
            #expect(json["newAccount"]?.stringValue == server.linker.newAccount)
            #expect(json["newOrder"]?.stringValue == server.linker.newOrder)
            #expect(json["revokeCert"]?.stringValue == server.linker.revokeCert)
            #expect(json["keyChange"]?.stringValue == server.linker.keyChange)
            #expect(json["meta"]?.objectValue?["termsOfService"]?.stringValue == "https://sti-ca.example/terms")
            #expect(response.headers[.replayNonceForTests] != nil)
            #expect(response.headers[.linkForTests] == "<https://sti-ca.example/acme/directory>;rel=\"index\"")
        }
    }

    @Test("newNonce answers HEAD with 200 and GET with 204, each with a distinct nonce and no-store")
    func newNonce() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let head = try await client.execute(uri: "/acme/new-nonce", method: .head)
            let get = try await client.execute(uri: "/acme/new-nonce", method: .get)
            #expect(head.status == .ok)
            #expect(get.status == .noContent)
            #expect(head.headers[.cacheControl] == "no-store" && get.headers[.cacheControl] == "no-store")
            let first = try #require(head.headers[.replayNonceForTests])
            let second = try #require(get.headers[.replayNonceForTests])
            #expect(first != second)
            #expect(first.count >= 22)
        }
    }

    @Test("newAccount creates with 201 and Location, returns the same account with 200, and onlyReturnExisting finds or refuses")
    func newAccount() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = Self.client(server, client, "a")
            let payload = try object([("contact", .array([.string("mailto:noc@sp.example")]))])
            let created = try await acme.post(server.linker.newAccount, payload: payload, useJWK: true)
            #expect(created.status == .created)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("https://sti-ca.example/acme/account/"))
            let account = try ACMEHTTPClient.json(created)
            #expect(account["status"]?.stringValue == "valid")
            #expect(account["orders"]?.stringValue == location + "/orders")
            let again = try await acme.post(server.linker.newAccount, payload: payload, useJWK: true)
            #expect(again.status == .ok)
            #expect(again.headers[.location] == location)
            let existing = try await acme.post(server.linker.newAccount, payload: try object([("onlyReturnExisting", .bool(true))]), useJWK: true)
            #expect(existing.status == .ok && existing.headers[.location] == location)
            let stranger = Self.client(server, client, "stranger")
            let missing = try await stranger.post(server.linker.newAccount, payload: try object([("onlyReturnExisting", .bool(true))]), useJWK: true)
            #expect(missing.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(missing) == "urn:ietf:params:acme:error:accountDoesNotExist")
        }
    }

    @Test("the account URL answers POST-as-GET, updates contacts and deactivates; a deactivated account is refused")
    func accountUpdate() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.client(server, client, "b").register()
            let url = try #require(acme.kid)
            let read = try await acme.post(url, payload: nil)
            #expect(read.status == .ok)
            let updated = try await acme.post(url, payload: try object([("contact", .array([.string("tel:+12025550100")]))]))
            #expect(try ACMEHTTPClient.json(updated)["contact"]?.arrayValue == [.string("tel:+12025550100")])
            let bad = try await acme.post(url, payload: try object([("contact", .array([.string("https://x.example")]))]))
            #expect(try ACMEHTTPClient.problemType(bad) == "urn:ietf:params:acme:error:unsupportedContact")
            let deactivated = try await acme.post(url, payload: try object([("status", .string("deactivated"))]))
            #expect(try ACMEHTTPClient.json(deactivated)["status"]?.stringValue == "deactivated")
            let after = try await acme.post(url, payload: nil)
            #expect(after.status == .forbidden)
            #expect(try ACMEHTTPClient.problemType(after) == "urn:ietf:params:acme:error:unauthorized")
        }
    }

    @Test("another account's URL is refused with unauthorized, and so is its orders list")
    func otherAccount() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let first = try await Self.client(server, client, "c1").register()
            let second = try await Self.client(server, client, "c2").register()
            let response = try await second.post(try #require(first.kid), payload: nil)
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:unauthorized")
            let orders = try await second.post(try #require(first.kid) + "/orders", payload: nil)
            #expect(try ACMEHTTPClient.problemType(orders) == "urn:ietf:params:acme:error:unauthorized")
            let own = try await second.post(try #require(second.kid) + "/orders", payload: nil)
            #expect(try ACMEHTTPClient.json(own)["orders"]?.arrayValue == [])
        }
    }

    @Test("keyChange moves the account to the new key: the old key no longer signs, the new one does")
    func keyChange() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.client(server, client, "old").register()
            let kid = try #require(acme.kid)
            let newKey = ACMEClientKey(TestPKI.key("http-new"))
            let inner = try newKey.signJWS(
                url: server.linker.keyChange, nonce: nil, kid: nil,
                payload: try object([("account", .string(kid)), ("oldKey", acme.key.jwk.jsonValue)])
            )
            let response = try await acme.post(server.linker.keyChange, payload: inner.jsonValue)
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let old = try await acme.post(kid, payload: nil)
            #expect(old.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(old) == "urn:ietf:params:acme:error:malformed")
            let renewed = ACMEHTTPClient(client, linker: server.linker, key: newKey, kid: kid)
            #expect(try await renewed.post(kid, payload: nil).status == .ok)
        }
    }

    @Test("unknown resources are 404 problems")
    func unknownResources() async throws {
        let server = ACMETestServer()
        try await server.application.test(.router) { client in
            let acme = try await Self.client(server, client, "d").register()
            for url in [server.linker.order(.init("nope")), server.linker.authorization(.init("nope")), server.linker.challenge(.init("nope")), server.linker.baseURL + "/cert/zz", server.linker.baseURL + "/cert/0102"] {
                let response = try await acme.post(url, payload: nil)
                #expect(response.status == .notFound, "\(url)")
                #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:malformed")
            }
        }
    }
}
