import ACMECore
import ACMETesting
import AuthorityToken
import Crypto
import Foundation
import JOSE
import STIRTesting
import TNAuthList
import Testing

@Suite("SP-CA-proxy checks before relaying (seed 002 §6.3, figure 10)")
struct SPCAProxyPolicyTests {
    static let proxy = "https://sp1.example/proxy/acme"
    static let kid = "https://sti-ca.example/acme/account/a1"

    static func range(_ start: String, _ count: Int) throws -> TNAuthorizationList {
        try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber(start), count: count))])
    }

    static func delegated() throws -> TNAuthorizationList { try range("12025550160", 10) }

    static func code(_ body: () async throws -> Void) async -> String { await RequestVerifierTests.code(body) }

    @Test("newAccount: a key for which the PBX obtained a token is admitted with its customer; any other key is unauthorized")
    func accountAdmission() async throws {
        let registry: any SPCAProxyRegistry = InMemorySPCAProxyRegistry()
        let pbx = Harness.clientKey("pbx")
        let stranger = Harness.clientKey("stranger")
        try await registry.recordTokenHolder(AccountKeyFingerprint(accountKey: pbx.jwk), customer: "demo-pbx")
        let policy = SPCAProxyPolicy()
        let url = Self.proxy + "/new-account"
        let admitted = try await policy.admitAccount(
            try policy.verify(body: try pbx.sign(url: url, nonce: "n", kid: nil, payload: .object(JSONObject())), receivedAt: url, accountKey: nil),
            registry: registry
        )
        #expect(admitted.customer == "demo-pbx")
        #expect(admitted.key == pbx.jwk)
        let body = try stranger.sign(url: url, nonce: "n", kid: nil, payload: .object(JSONObject()))
        #expect(await Self.code { _ = try await policy.admitAccount(try policy.verify(body: body, receivedAt: url, accountKey: nil), registry: registry) } == "unauthorized")
    }

    @Test("the JWS must be addressed to the proxy URL it reached, signed by the account key, with a nonce", arguments: [
        "url of the STI-CA", "other key", "no nonce", "jwk where kid is needed",
    ])
    func requestChecks(name: String) async throws {
        let key = Harness.clientKey("pbx")
        let url = Self.proxy + "/new-order"
        let payload = JSONValue.object(JSONObject())
        let body: [UInt8]
        var expected = "malformed"
        switch name {
        case "url of the STI-CA":
            body = try key.sign(url: "https://sti-ca.example/acme/new-order", nonce: "n", kid: Self.kid, payload: payload)
            expected = "unauthorized"
        case "other key":
            body = try Harness.clientKey("other").sign(url: url, nonce: "n", kid: Self.kid, payload: payload)
        case "no nonce":
            body = try RequestVerifierTests.header(
                [.init("alg", .string("ES256")), .init("url", .string(url)), .init("kid", .string(Self.kid))], key: key
            )
            expected = "badNonce"
        default:
            body = try key.sign(url: url, nonce: "n", kid: nil, payload: payload)
        }
        #expect(await Self.code { _ = try SPCAProxyPolicy().verify(body: body, receivedAt: url, accountKey: key.jwk) } == expected, "\(name)")
    }

    @Test("newOrder: an identifier within the delegation is admitted; outside it, or naming an SPC, is rejectedIdentifier")
    func orderAdmission() async throws {
        let key = Harness.clientKey("pbx")
        let url = Self.proxy + "/new-order"
        let policy = SPCAProxyPolicy()
        func admit(_ list: TNAuthorizationList) async -> String {
            await Self.code {
                let body = try key.sign(url: url, nonce: "n", kid: Self.kid, payload: try Harness.identifierPayload(list))
                _ = try policy.admitOrder(try policy.verify(body: body, receivedAt: url, accountKey: key.jwk), delegated: try Self.delegated())
            }
        }
        #expect(await admit(try Self.range("12025550162", 3)) == "valid")
        #expect(await admit(try Self.delegated()) == "valid")
        #expect(await admit(try Self.range("12025550165", 10)) == "rejectedIdentifier")
        #expect(await admit(try TNAuthorizationList([.tn(try TelephoneNumber("12025550110"))])) == "rejectedIdentifier")
        #expect(await admit(try TNAuthorizationList([.spc(try ServiceProviderCode("5678"))])) == "rejectedIdentifier")
    }

    @Test("finalize: the CSR TNAuthList must equal the order identifier and lie within the delegation, else badCSR")
    func finalizeAdmission() async throws {
        let key = Harness.clientKey("pbx")
        let url = Self.proxy + "/order/o1/finalize"
        let policy = SPCAProxyPolicy()
        let subject = TestPKI.key("pbx-subject")
        func admit(csrList: TNAuthorizationList, order: TNAuthorizationList, delegated: TNAuthorizationList) async -> String {
            await Self.code {
                let body = try key.sign(url: url, nonce: "n", kid: Self.kid, payload: try Harness.csr(csrList, key: subject, commonName: "PBX"))
                try policy.admitFinalize(
                    try policy.verify(body: body, receivedAt: url, accountKey: key.jwk), identifier: try TNAuthListIdentifier(order), delegated: delegated
                )
            }
        }
        let list = try Self.delegated()
        #expect(await admit(csrList: list, order: list, delegated: list) == "valid")
        #expect(await admit(csrList: try Self.range("12025550160", 9), order: list, delegated: list) == "badCSR")
        #expect(await admit(csrList: try Self.range("12025550110", 10), order: try Self.range("12025550110", 10), delegated: list) == "badCSR")
        #expect(await admit(csrList: list, order: list, delegated: try Self.range("12025550160", 5)) == "badCSR")
    }

    @Test("the in-memory registry keeps the latest record per key")
    func registry() async throws {
        let registry: any SPCAProxyRegistry = InMemorySPCAProxyRegistry()
        let key = Harness.clientKey("pbx").jwk
        let fingerprint = AccountKeyFingerprint(accountKey: key)
        #expect(try await registry.customer(forAccountKey: fingerprint) == nil)
        try await registry.recordTokenHolder(fingerprint, customer: "a")
        try await registry.recordTokenHolder(fingerprint, customer: "b")
        #expect(try await registry.customer(forAccountKey: fingerprint) == "b")
        try await registry.recordAccount(SPCAProxyAccount(url: Self.kid, customer: "b", key: key))
        #expect(try await registry.account(at: Self.kid)?.customer == "b")
        #expect(try await registry.account(at: Self.kid + "x") == nil)
        let identifier = try TNAuthListIdentifier(try Self.delegated())
        try await registry.recordOrder(SPCAProxyOrder(id: "o1", accountURL: Self.kid, identifier: identifier))
        #expect(try await registry.order(id: "o1")?.identifier == identifier)
        #expect(try await registry.order(id: "o2") == nil)
    }
}
