import ACMECore
import ACMETesting
import Foundation
import JOSE
import STIRTesting
import Testing

@Suite("Trusted SP-CA-proxy aliases in the JWS url check (RFC 8555 §6.4; seed 002 §6.3)")
struct ProxyAliasTests {
    static let proxy = "https://sp1.example/proxy/acme"

    static func verifier(_ harness: Harness, aliases: [String] = [proxy]) -> ACMERequestVerifier {
        ACMERequestVerifier(
            accounts: harness.accounts, nonces: harness.nonces, linker: harness.linker, environment: harness.world.environment,
            proxyAliases: ACMEProxyAliases(aliases)
        )
    }

    @Test("a kid request signed for the proxy's URL of a relayed resource passes at the CA's URL", arguments: ["new-order", "order/o1", "order/o1/finalize"])
    func relayedKidResource(resource: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let body = try client.key.sign(url: Self.proxy + "/" + resource, nonce: try await harness.service.newNonce(), kid: client.kid, payload: .object(JSONObject()))
        let request = try await Self.verifier(harness).verifyAccountRequest(body: body, url: harness.linker.baseURL + "/" + resource)
        #expect(request.account.id == client.account.id)
        #expect(request.header.url == Self.proxy + "/" + resource)
    }

    @Test("a newAccount signed for the proxy's newAccount URL passes at the CA's newAccount")
    func relayedNewAccount() async throws {
        let harness = Harness()
        let key = Harness.clientKey("pbx")
        let body = try key.sign(url: Self.proxy + "/new-account", nonce: try await harness.service.newNonce(), kid: nil, payload: .object(JSONObject()))
        let request = try await Self.verifier(harness, aliases: [Self.proxy + "/"]).verifyKeyRequest(body: body, url: harness.linker.newAccount)
        #expect(request.key == key.jwk)
    }

    @Test("an unknown alias, another resource's proxy URL, another order, a resource the proxy does not relay, or a query is unauthorized", arguments: [
        ("https://evil.example/proxy/acme/new-order", "new-order"),
        ("https://sp1.example/proxy/new-order", "new-order"),
        ("https://sp1.example/proxy/acme/new-account", "new-order"),
        ("https://sp1.example/proxy/acme/order/o1/finalize", "order/o2/finalize"),
        ("https://sp1.example/proxy/acme/order/o1", "order/o2"),
        ("https://sp1.example/proxy/acme/account/a1", "account/a1"),
        ("https://sp1.example/proxy/acme/authz/a1", "authz/a1"),
        ("https://sp1.example/proxy/acme/chall/c1", "chall/c1"),
        ("https://sp1.example/proxy/acme/new-order?x=1", "new-order?x=1"),
        ("https://sp1.example/proxy/acme/order/o1/finalize/x", "order/o1/finalize/x"),
        ("https://sp1.example/proxy/acme/order//finalize", "order//finalize"),
    ])
    func refused(headerURL: String, resource: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let body = try client.key.sign(url: headerURL, nonce: try await harness.service.newNonce(), kid: client.kid, payload: .object(JSONObject()))
        let code = await RequestVerifierTests.code {
            _ = try await Self.verifier(harness).verifyAccountRequest(body: body, url: harness.linker.baseURL + "/" + resource)
        }
        #expect(code == "unauthorized", "\(headerURL) at \(resource)")
    }

    @Test("without configured aliases the proxy URL is unauthorized, as RFC 8555 §6.4 asks")
    func noAliases() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let body = try client.key.sign(url: Self.proxy + "/new-order", nonce: try await harness.service.newNonce(), kid: client.kid, payload: .object(JSONObject()))
        let code = await RequestVerifierTests.code { _ = try await harness.verifier.verifyAccountRequest(body: body, url: harness.linker.newOrder) }
        #expect(code == "unauthorized")
        #expect(ACMEProxyAliases.none.baseURLs.isEmpty)
        #expect(ACMEProxyAliases(["", "https://a.example/acme//"]).baseURLs == ["https://a.example/acme"])
    }

    @Test("the nonce is still the CA's: a relayed request with a spent nonce is badNonce")
    func nonceStillChecked() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("a")
        let nonce = try await harness.service.newNonce()
        let verifier = Self.verifier(harness)
        let first = try client.key.sign(url: Self.proxy + "/new-order", nonce: nonce, kid: client.kid, payload: .object(JSONObject()))
        _ = try await verifier.verifyAccountRequest(body: first, url: harness.linker.newOrder)
        let code = await RequestVerifierTests.code { _ = try await verifier.verifyAccountRequest(body: first, url: harness.linker.newOrder) }
        #expect(code == "badNonce")
    }
}
