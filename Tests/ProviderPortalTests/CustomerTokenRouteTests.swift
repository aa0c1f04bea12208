import AuthorityToken
import Crypto
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import ProviderPortal
import TNAuthList
import Testing

/// The STI-SCA's token API for its customers (ATIS-1000092), shaped like the STI-PA's (spec digest §4.4).
@Suite("Customer token routes")
struct CustomerTokenRouteTests {
    static func tokenBody(_ list: TNAuthorizationList) throws -> String {
        let fingerprint = AccountKeyFingerprint(accountKey: JSONWebKey(publicKey: P256.Signing.PrivateKey().publicKey))
        return #"{"atc":{"tktype":"TNAuthList","tkvalue":"\#(try list.base64EncodedString())","ca":false,"fingerprint":"\#(fingerprint)"}}"#
    }

    static func authorized(_ token: String) -> HTTPFields {
        [.contentType: "application/json", .authorization: "Bearer " + token]
    }

    @Test("a customer logs in and gets a token for numbers delegated to it, with the CRL URL")
    func issues() async throws {
        try await PortalFixture.withPortal { client, _ in
            let login = try await client.login("pbx")
            #expect(login.status == .ok)
            #expect(try login.object()["accountId"]?.stringValue == "pbx-1")
            let token = try #require(try login.object()["accessToken"]?.stringValue)
            let response = try await client.post(
                "/api/v1/account/pbx-1/token", try Self.tokenBody(try PortalFixture.range("12025550112", 3)), headers: Self.authorized(token)
            )
            #expect(response.status == .ok)
            #expect(try response.object()["status"]?.stringValue == "success")
            #expect(try response.object()["token"]?.stringValue?.split(separator: ".").count == 3)
            #expect(try response.object()["crl"]?.stringValue == "https://sp1.example/crl/sca.crl")
        }
    }

    @Test("a wrong password, an unknown user and a login body that is not {userId,password} get 401 invalidCredentials", arguments: [
        #"{"userId":"pbx","password":"wrong password here"}"#, #"{"userId":"mallory","password":"correct horse battery staple"}"#,
        "", "[]", "not json", #"{"userId":"pbx"}"#, #"{"userId":1,"password":"x"}"#, #"{"userId":"pbx","userId":"ent","password":"x"}"#,
    ])
    func loginRefused(_ body: String) async throws {
        try await PortalFixture.withPortal { client, _ in
            let response = try await client.post("/api/v1/auth/login", body)
            try response.expectError(.unauthorized, "invalidCredentials")
        }
    }

    @Test("five failed logins lock the user ID out: even the right password then gets 429 tooManyAttempts with Retry-After, as at the STI-PA")
    func lockout() async throws {
        try await PortalFixture.withPortal { client, _ in
            for _ in 0..<5 {
                let failed = try await client.post("/api/v1/auth/login", #"{"userId":"pbx","password":"wrong password here"}"#)
                try failed.expectError(.unauthorized, "invalidCredentials")
            }
            let locked = try await client.post("/api/v1/auth/login", #"{"userId":"pbx","password":"correct horse battery staple"}"#)
            try locked.expectError(.tooManyRequests, "tooManyAttempts")
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0, "\(locked.headers)")
        }
    }

    @Test("an unexpected failure is 500 internalError with a fixed message; its text is not sent")
    func unexpectedFailure() async throws {
        struct StorageBroke: Error {}
        let router = Router()
        router.get("/fails") { _, context in await PortalExchange.respond(logger: context.logger) { throw StorageBroke() } }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/fails", method: .get)
            #expect(response.status == .internalServerError)
            let text = String(buffer: response.body)
            #expect(text.contains("\"internalError\"") && !text.contains("StorageBroke"), "\(text)")
        }
    }

    @Test("a token for another customer is 403 notAuthorised; no or an unknown access token is 401 notAuthenticated")
    func tokenRefused() async throws {
        try await PortalFixture.withPortal { client, _ in
            let token = try await client.accessToken("pbx")
            let body = try Self.tokenBody(try PortalFixture.range("12025550150", 2))
            let other = try await client.post("/api/v1/account/ent-1/token", body, headers: Self.authorized(token))
            try other.expectError(.forbidden, "notAuthorised")
            for headers: HTTPFields in [[.contentType: "application/json"], Self.authorized("not-a-session"), [.authorization: "   "]] {
                let response = try await client.post("/api/v1/account/pbx-1/token", body, headers: headers)
                try response.expectError(.unauthorized, "notAuthenticated")
            }
        }
    }

    @Test("numbers outside the customer's delegation are 403 delegationOutsideScope; a customer without a delegation is 403 unknownCustomer")
    func outsideDelegation() async throws {
        try await PortalFixture.withPortal { client, _ in
            let token = try await client.accessToken("pbx")
            for list in [try PortalFixture.range("12025550150", 2), try PortalFixture.range("12025550110", 11)] {
                let response = try await client.post("/api/v1/account/pbx-1/token", try Self.tokenBody(list), headers: Self.authorized(token))
                try response.expectError(.forbidden, "delegationOutsideScope")
            }
            let old = try await client.post(
                "/api/v1/account/old-1/token", try Self.tokenBody(try PortalFixture.range("12025550110", 2)),
                headers: Self.authorized(try await client.accessToken("old"))
            )
            try old.expectError(.forbidden, "unknownCustomer")
        }
    }

    @Test("a body over 16384 bytes is 413 payloadTooLarge, as at the STI-PA, for the login and the token route")
    func oversized() async throws {
        try await PortalFixture.withPortal { client, _ in
            let token = try await client.accessToken("pbx")
            let large = #"{"userId":""# + String(repeating: "a", count: 16_385) + #""}"#
            for (path, headers) in [("/api/v1/auth/login", [.contentType: "application/json"]), ("/api/v1/account/pbx-1/token", Self.authorized(token))] {
                let response = try await client.post(path, large, headers: headers)
                try response.expectError(.contentTooLarge, "payloadTooLarge")
            }
        }
    }
}
