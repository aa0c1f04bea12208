import ACMECore
import ACMETesting
import Foundation
import JOSE
import Testing

@Suite("Accounts (RFC 8555 §7.3)")
struct AccountTests {
    static func newAccountBody(_ harness: Harness, key: ACMEClientKey, payload: JSONValue) async throws -> KeyAuthenticatedRequest {
        let body = try key.sign(url: harness.linker.newAccount, nonce: try await harness.service.newNonce(), kid: nil, payload: payload)
        return try await harness.verifier.verifyKeyRequest(body: body, url: harness.linker.newAccount)
    }

    @Test("newAccount creates once; the same key returns the existing account")
    func idempotent() async throws {
        let harness = Harness()
        let key = Harness.clientKey("a")
        let payload: JSONValue = .object(try JSONObject([.init("contact", .array([.string("mailto:noc@sp.example")]))]))
        let first = try await harness.service.newAccount(try await Self.newAccountBody(harness, key: key, payload: payload))
        let second = try await harness.service.newAccount(try await Self.newAccountBody(harness, key: key, payload: payload))
        #expect(first.created && !second.created)
        #expect(first.account.id == second.account.id)
        #expect(first.account.contact == ["mailto:noc@sp.example"])
    }

    @Test("onlyReturnExisting finds an account or fails with accountDoesNotExist")
    func onlyReturnExisting() async throws {
        let harness = Harness()
        let payload: JSONValue = .object(try JSONObject([.init("onlyReturnExisting", .bool(true))]))
        await #expect(throws: ACMEError(.accountDoesNotExist, "")) {
            try await harness.service.newAccount(try await Self.newAccountBody(harness, key: Harness.clientKey("a"), payload: payload))
        }
        let client = try await harness.newAccount("a")
        let found = try await harness.service.newAccount(try await Self.newAccountBody(harness, key: Harness.clientKey("a"), payload: payload))
        #expect(found.account.id == client.account.id && !found.created)
    }

    @Test("contacts must be mailto: or tel:")
    func contacts() async throws {
        let harness = Harness()
        let payload: JSONValue = .object(try JSONObject([.init("contact", .array([.string("https://sp.example")]))]))
        await #expect(throws: ACMEError(.unsupportedContact, "")) {
            try await harness.service.newAccount(try await Self.newAccountBody(harness, key: Harness.clientKey("a"), payload: payload))
        }
    }

    @Test("an account updates its contacts but not another account's")
    func update() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let other = try await harness.newAccount("b")
        let payload: JSONValue = .object(try JSONObject([.init("contact", .array([.string("tel:+12025550100")]))]))
        let url = harness.linker.account(client.account.id)
        let updated = try await harness.service.updateAccount(client.account.id, request: try await harness.request(client, url: url, payload: payload))
        #expect(updated.contact == ["tel:+12025550100"])
        await #expect(throws: ACMEError(.unauthorized, "")) {
            try await harness.service.updateAccount(client.account.id, request: try await harness.request(other, url: url, payload: payload))
        }
    }

    static func keyChange(
        _ harness: Harness, _ client: Harness.Client, newKey: ACMEClientKey, innerURL: String? = nil, account: String? = nil,
        oldKey: JSONWebKey? = nil, innerNonce: String? = nil
    ) async throws -> ACMEAccount {
        let url = harness.linker.keyChange
        let innerPayload: JSONValue = .object(try JSONObject([
            .init("account", .string(account ?? client.kid)), .init("oldKey", (oldKey ?? client.key.jwk).jsonValue),
        ]))
        let inner = try newKey.signJWS(url: innerURL ?? url, nonce: innerNonce, kid: nil, payload: innerPayload)
        return try await harness.service.changeKey(try await harness.request(client, url: url, payload: inner.jsonValue))
    }

    @Test("key change: the new key then signs for the account, the old one no longer does")
    func keyChange() async throws {
        let harness = Harness()
        var client = try await harness.newAccount("a")
        let newKey = Harness.clientKey("a-next")
        let changed = try await Self.keyChange(harness, client, newKey: newKey)
        #expect(changed.key == newKey.jwk)
        await #expect(throws: ACMEError(.malformed, "")) {
            try await harness.request(client, url: harness.linker.newOrder, payload: nil)
        }
        client = Harness.Client(key: newKey, account: changed, kid: client.kid)
        _ = try await harness.request(client, url: harness.linker.newOrder, payload: nil)
    }

    @Test("key change rejections", arguments: ["inner url", "inner nonce", "account", "old key", "key in use"])
    func keyChangeRejections(name: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let other = try await harness.newAccount("b")
        let expected: ACMEError.Code
        do {
            switch name {
            case "inner url":
                expected = .malformed
                _ = try await Self.keyChange(harness, client, newKey: Harness.clientKey("n"), innerURL: harness.linker.newOrder)
            case "inner nonce":
                expected = .malformed
                _ = try await Self.keyChange(harness, client, newKey: Harness.clientKey("n"), innerNonce: "x")
            case "account":
                expected = .unauthorized
                _ = try await Self.keyChange(harness, client, newKey: Harness.clientKey("n"), account: other.kid)
            case "old key":
                expected = .unauthorized
                _ = try await Self.keyChange(harness, client, newKey: Harness.clientKey("n"), oldKey: other.key.jwk)
            default:
                expected = .malformed
                _ = try await Self.keyChange(harness, client, newKey: other.key)
            }
            Issue.record("\(name) accepted")
        } catch let error as ACMEError {
            #expect(error.code == expected, "\(name): \(error)")
            if name == "key in use" { #expect(error.httpStatus == 409) }
        }
    }
}
