import Crypto
import Foundation
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTLS
import HummingbirdTesting
import STIRTesting
import SwiftASN1
import Testing
import X509

@Suite("HTTPS with the local TLS root")
struct TLSTests {
    static func authority(now: Date) throws -> LocalTLSAuthority {
        var random = SeededRandomNumberGenerator(seed: 7)
        return try LocalTLSAuthority(rootKey: TestPKI.key("tls-root"), now: now, random: &random)
    }

    @Test("the root is a ten-year P-256 CA and server certificates name localhost and 127.0.0.1 in SAN")
    func certificates() throws {
        let now = TestPKI.defaultReferenceTime
        let authority = try Self.authority(now: now)
        let root = authority.rootCertificate
        #expect(root.notValidAfter.timeIntervalSince(root.notValidBefore) >= 10 * 365 * 86_400)
        #expect(try root.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(P256.Signing.PublicKey(root.publicKey) != nil)
        var random = SeededRandomNumberGenerator(seed: 8)
        let server = try authority.issueServerCertificate(key: TestPKI.key("tls-server"), now: now, random: &random)
        let names = try #require(try server.certificate.extensions.subjectAlternativeNames)
        #expect(names.contains(.dnsName("localhost")))
        #expect(names.contains(.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))))
        #expect(try server.certificate.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        #expect(server.certificate.issuer == root.subject)
        #expect(root.publicKey.isValidSignature(server.certificate.signature, for: server.certificate))
        #expect(server.chainPEM.components(separatedBy: "BEGIN CERTIFICATE").count == 3)
        #expect(server.certificate.serialNumber != root.serialNumber)
    }

    @Test("a root written to disk and its key reload into the same authority; a mismatched key is refused")
    func persistence() throws {
        let authority = try Self.authority(now: TestPKI.defaultReferenceTime)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tls-root-\(getpid()).pem").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try authority.writeRootPEM(to: path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try authority.rootCertificatePEM))
        let reloaded = try LocalTLSAuthority(rootCertificatePEM: written, rootKeyPEM: authority.rootKeyPEM)
        #expect(reloaded.rootCertificate == authority.rootCertificate)
        #expect(throws: HTTPServerError(.invalidTLSMaterial, "")) {
            try LocalTLSAuthority(rootCertificatePEM: written, rootKeyPEM: TestPKI.key("other").pemRepresentation)
        }
        #expect(throws: HTTPServerError(.certificateIssuance, "")) {
            var random = SeededRandomNumberGenerator(seed: 1)
            _ = try authority.issueServerCertificate(hosts: ["bad host!"], key: TestPKI.key("k"), now: TestPKI.defaultReferenceTime, random: &random)
        }
    }

    @Test("bad TLS material is refused with invalidTLSMaterial")
    func badMaterial() {
        #expect(throws: HTTPServerError(.invalidTLSMaterial, "")) { try TLSConfigurationFactory.server(certificateChainPEM: "", privateKeyPEM: "") }
        #expect(throws: HTTPServerError(.invalidTLSMaterial, "")) { try TLSConfigurationFactory.client(trustingRootsPEM: "nothing") }
    }

    @Test("an HTTPS round trip over loopback: the STI-CR chain is fetched through TLS verified against the local root")
    func liveHTTPS() async throws {
        let now = Date()
        let authority = try Self.authority(now: now)
        var random = SeededRandomNumberGenerator(seed: 9)
        let credential = try authority.issueServerCertificate(key: TestPKI.key("tls-live"), now: now, random: &random)
        let repository = InMemoryCertificateRepository(baseURL: "https://localhost/certs", now: { now })
        let chain = try CertificateRepositoryRouteTests.chainPEM()
        _ = try await repository.publish(chainPEM: chain, name: "sp-1234")
        let app = Application(
            router: CertificateRepositoryRouter.build(repository: repository, path: "certs"),
            server: try .tls(tlsConfiguration: try TLSConfigurationFactory.server(certificateChainPEM: credential.chainPEM, privateKeyPEM: credential.privateKeyPEM)),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
        )
        let clientTLS = try TLSConfigurationFactory.client(trustingRootsPEM: try authority.rootCertificatePEM)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let tlsClient = TestClient(host: "127.0.0.1", port: port, configuration: .init(tlsConfiguration: clientTLS, serverName: "localhost"))
            tlsClient.connect()
            let response = try await tlsClient.execute(.init("/certs/sp-1234.pem", method: .get, authority: "localhost"))
            try await tlsClient.shutdown()
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pem-certificate-chain")
            #expect(response.body.map { String(buffer: $0) } == chain)
        }
    }

    @Test("a client that does not trust the local root fails the handshake")
    func untrusted() async throws {
        let now = Date()
        let authority = try Self.authority(now: now)
        var strangerRandom = SeededRandomNumberGenerator(seed: 3)
        let stranger = try LocalTLSAuthority(rootKey: TestPKI.key("tls-stranger"), now: now, random: &strangerRandom)
        var random = SeededRandomNumberGenerator(seed: 10)
        let credential = try authority.issueServerCertificate(key: TestPKI.key("tls-live2"), now: now, random: &random)
        let app = Application(
            router: Router(),
            server: try .tls(tlsConfiguration: try TLSConfigurationFactory.server(certificateChainPEM: credential.chainPEM, privateKeyPEM: credential.privateKeyPEM)),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
        )
        let clientTLS = try TLSConfigurationFactory.client(trustingRootsPEM: try stranger.rootCertificatePEM)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let tlsClient = TestClient(host: "127.0.0.1", port: port, configuration: .init(tlsConfiguration: clientTLS, serverName: "localhost"))
            tlsClient.connect()
            await #expect(throws: (any Error).self) { _ = try await tlsClient.execute(.init("/", method: .get, authority: "localhost")) }
            try? await tlsClient.shutdown()
        }
    }
}
