import AuthorityToken
import Crypto
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import TNAuthList
import Testing

/// The provider's SP-PA-proxy (seed 002 §6.3, figure 9): what it refuses before asking the STI-PA.
@Suite("SP-PA-proxy route")
struct SPPAProxyRouteTests {
    static let fingerprint = AccountKeyFingerprint(accountKey: JSONWebKey(publicKey: P256.Signing.PrivateKey().publicKey))

    static func ask(
        _ client: any TestClientProtocol, customer: String = "pbx-1", user: String = "pbx", body: String
    ) async throws -> TestResponse {
        let token = try await client.accessToken(user)
        return try await client.post(
            "/proxy/v1/customer/\(customer)/token", body, headers: [.contentType: "application/json", .authorization: token]
        )
    }

    static func body(tkvalue: TNAuthorizationList?) throws -> String {
        guard let tkvalue else { return #"{"fingerprint":"\#(fingerprint)"}"# }
        return #"{"fingerprint":"\#(fingerprint)","tkvalue":"\#(try tkvalue.base64EncodedString())"}"#
    }

    @Test("a token for a customer the user does not act for is 403 notAuthorised")
    func otherCustomer() async throws {
        try await PortalFixture.withPortal { client, fixture in
            let response = try await Self.ask(client, customer: "ent-1", body: try Self.body(tkvalue: nil))
            try response.expectError(.forbidden, "notAuthorised")
            #expect(await fixture.registry.customer(forAccountKey: Self.fingerprint) == nil)
        }
    }

    @Test("a missing or malformed fingerprint or tkvalue is 400 malformedATC", arguments: [
        "{}", #"{"fingerprint":1}"#, #"{"fingerprint":"SHA256 00"}"#, #"{"fingerprint":"not a fingerprint"}"#,
        #"{"fingerprint":"\#(fingerprint)","tkvalue":7}"#, #"{"fingerprint":"\#(fingerprint)","tkvalue":"%%%"}"#,
        #"{"fingerprint":"\#(fingerprint)","tkvalue":"AAAA"}"#, "[]", "",
    ])
    func malformed(_ body: String) async throws {
        try await PortalFixture.withPortal { client, _ in
            let response = try await Self.ask(client, body: body)
            try response.expectError(.badRequest, "malformedATC")
        }
    }

    @Test("TNs outside the PBX's delegation are 403 delegationOutsideScope and nothing is recorded")
    func outsideDelegation() async throws {
        try await PortalFixture.withPortal { client, fixture in
            for list in [try PortalFixture.range("12025550150", 5), try PortalFixture.range("12025550110", 11)] {
                let response = try await Self.ask(client, body: try Self.body(tkvalue: list))
                try response.expectError(.forbidden, "delegationOutsideScope")
            }
            #expect(await fixture.registry.customer(forAccountKey: Self.fingerprint) == nil)
        }
    }

    @Test("a customer no longer registered with the provider is 403 unknownCustomer")
    func unknownCustomer() async throws {
        try await PortalFixture.withPortal { client, _ in
            let response = try await Self.ask(client, customer: "old-1", user: "old", body: try Self.body(tkvalue: nil))
            try response.expectError(.forbidden, "unknownCustomer")
        }
    }

    @Test("a body over 16384 bytes is 413 payloadTooLarge, as at the STI-PA")
    func oversized() async throws {
        try await PortalFixture.withPortal { client, _ in
            let response = try await Self.ask(client, body: #"{"fingerprint":""# + String(repeating: "A", count: 16_385) + #""}"#)
            try response.expectError(.contentTooLarge, "payloadTooLarge")
        }
    }

    @Test("a request inside the delegation while the STI-PA cannot be reached is 502 stiPAUnavailable and records nothing")
    func upstreamUnavailable() async throws {
        try await PortalFixture.withPortal { client, fixture in
            let response = try await Self.ask(client, body: try Self.body(tkvalue: try PortalFixture.range("12025550110", 3)))
            try response.expectError(.badGateway, "stiPAUnavailable")
            #expect(await fixture.registry.customer(forAccountKey: Self.fingerprint) == nil)
        }
    }
}
