import AuthorityToken
import CertificateRevocation
import Foundation
import HTTPClient
import JOSE
import PolicyAdministration
import STIRTesting
import SwiftASN1
import Testing
import TNAuthList

/// A canned STI-PA speaking the deployed wire format (spec digest §4.4); it checks what the
/// client sends and records it.
final class FakePA: @unchecked Sendable {
    let publisher = TrustListPublisher(
        store: InMemoryTrustListStore(), signingKey: TestPKI.key("pa-signer"), x5u: "https://localhost/pa.pem", now: { TestPKI.defaultReferenceTime }
    )
    private let lock = NSLock()
    private var received: [TestRequest] = []
    var requests: [TestRequest] { lock.withLock { received } }

    func handle(_ request: TestRequest) async -> TestResponse {
        lock.withLock { received.append(request) }
        switch (request.method, request.path) {
        case ("POST", "/api/v1/auth/login"):
            let body = try? StrictJSONParser().parse(request.body).objectValue
            guard body?["userId"]?.stringValue == "sp-admin", body?["password"]?.stringValue == "secret" else {
                return Self.json(#"{"status":"failed","error":"invalid credentials"}"#, status: 401)
            }
            return Self.json(#"{"accessToken":"tok-123","status":"success"}"#)
        case ("POST", "/api/v1/account/SP%201/token"):
            guard request.header("Authorization") == "tok-123" else { return Self.json(#"{"message":"not authorised"}"#, status: 401) }
            guard let parsed = try? SPCTokenRequest(jsonBody: request.body) else { return Self.json(#"{"error":"bad atc"}"#, status: 400) }
            return Self.json(#"{"crl":"https://localhost/download/v1/crl","status":"success","token":"spc.\#(parsed.atc.isCA)"}"#)
        case ("POST", "/api/v1/auth/logout"):
            return TestResponse(status: request.header("Authorization") == "tok-123" ? 200 : 401)
        case ("GET", "/api/v1/ca-list"):
            guard let body = try? await publisher.caListResponse() else { return TestResponse(status: 500) }
            return TestResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
        case ("GET", "/download/v1/crl"):
            return TestResponse(status: 200, headers: [("Content-Type", "application/pkix-crl")], body: Self.crlBytes)
        default:
            return TestResponse(status: 404)
        }
    }

    static let crlBytes: [UInt8] = (try? crlDER()) ?? []

    static func crlDER() throws -> [UInt8] {
        let pki = X5UFetcherTests.pki
        let issuer = SHAKENCRLIssuer(signerCertificate: pki.stiPACRLSigner.certificate, signerKey: pki.stiPACRLSigner.certificatePrivateKey)
        let crl = try issuer.makeCRL(revocations: [], crlNumber: 7, at: TestPKI.defaultReferenceTime)
        var serializer = DER.Serializer()
        try serializer.serialize(crl)
        return serializer.serializedBytes
    }

    static func json(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }
}

@Suite("STI-PA client over loopback HTTPS")
struct STIPAClientTests {
    static func withPA(_ body: (STIPAClient, FakePA) async throws -> Void) async throws {
        let pa = FakePA()
        let server = try await TestHTTPSServer { await pa.handle($0) }
        let transport = try HTTPSClient(configuration: .init(trustRoots: TestTLS.shared.trustRoots))
        do {
            try await body(STIPAClient(baseURL: "https://localhost:\(server.port)/", transport: transport), pa)
        } catch {
            await transport.shutdown()
            await server.stop()
            throw error
        }
        await transport.shutdown()
        await server.stop()
    }

    @Test("login, SPC token request with a raw access token and the atc body, logout")
    func tokenFlow() async throws {
        try await Self.withPA { client, pa in
            #expect(try await client.login(userID: "sp-admin", password: "secret") == "tok-123")
            let list = try TNAuthorizationList([.spc(try ServiceProviderCode("1234"))])
            let accountKey = JSONWebKey(publicKey: TestPKI.key("acct").publicKey)
            let response = try await client.requestSPCToken(accountID: "SP 1", tnAuthList: list, accountKey: accountKey, isCA: true)
            #expect(response.token == "spc.true")
            #expect(response.crlURL == "https://localhost/download/v1/crl")
            let sent = try #require(pa.requests.last)
            let atc = try SPCTokenRequest(jsonBody: sent.body).atc
            #expect(atc.tnAuthList == list && atc.isCA)
            #expect(atc.fingerprint.matches(accountKey))
            #expect(sent.header("Content-Type") == "application/json")
            try await client.logout()
            #expect(await client.accessToken == nil)
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.requestSPCToken(accountID: "SP 1", tnAuthList: list, accountKey: accountKey)
            }
            #expect(error?.code == .notLoggedIn)
        }
    }

    @Test("refused credentials surface the PA's diagnostic")
    func refusedLogin() async throws {
        try await Self.withPA { client, _ in
            let error = await #expect(throws: HTTPClientError.self) { try await client.login(userID: "sp-admin", password: "wrong") }
            #expect(error?.code == .paRequestFailed)
            #expect(error?.reason.contains("invalid credentials") == true)
        }
    }

    @Test("the CA list verifies with the PA key, a wrong key is refused and the last good list kept")
    func trustList() async throws {
        try await Self.withPA { client, pa in
            try await pa.publisher.addRoot(X5UFetcherTests.pki.root.certificate)
            let list = try await client.fetchTrustList(signingKey: TestPKI.key("pa-signer").publicKey)
            #expect(list.roots == [X5UFetcherTests.pki.root.certificate])
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.fetchTrustList(signingKey: TestPKI.key("not-the-pa").publicKey)
            }
            #expect(error?.code == .trustListRejected)
            #expect(await client.lastTrustList?.sequence == list.sequence)
        }
    }

    @Test("the SHAKEN CRL downloads and parses")
    func crl() async throws {
        try await Self.withPA { client, _ in
            let crl = try await client.downloadCRL()
            #expect(!FakePA.crlBytes.isEmpty)
            #expect(crl == (try CertificateRevocationList(derEncoded: FakePA.crlBytes)))
        }
    }
}
