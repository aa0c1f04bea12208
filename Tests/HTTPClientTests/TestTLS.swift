import Crypto
import Foundation
import HTTPClient
import NIOSSL
import STIRTesting
import SwiftASN1
import X509

/// A local TLS root and a server certificate for `localhost`, `*.test` names and 127.0.0.1,
/// valid around the real current time (the TLS stack checks validity with the system clock).
struct TestTLS: Sendable {
    let rootPEM: [UInt8]
    let serverCertificatePEM: String
    let serverKeyPEM: String

    static let shared: TestTLS = {
        do { return try TestTLS() } catch { preconditionFailure("test TLS: \(error)") }
    }()

    init() throws {
        let rootKey = TestPKI.key("tls-root")
        let serverKey = TestPKI.key("tls-server")
        let now = Date()
        let rootName = try DistinguishedName { CommonName("HTTPClient Test TLS Root") }
        let root = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [7]), publicKey: .init(rootKey.publicKey),
            notValidBefore: now - 86_400, notValidAfter: now + 30 * 86_400, issuer: rootName, subject: rootName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                KeyUsage(keyCertSign: true, cRLSign: true)
            },
            issuerPrivateKey: .init(rootKey)
        )
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [8]), publicKey: .init(serverKey.publicKey),
            notValidBefore: now - 86_400, notValidAfter: now + 30 * 86_400, issuer: rootName,
            subject: try DistinguishedName { CommonName("localhost") }, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                KeyUsage(digitalSignature: true)
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"), .dnsName("x5u.test"), .dnsName("evil.test"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                ])
            },
            issuerPrivateKey: .init(rootKey)
        )
        rootPEM = Array(try root.serializeAsPEM().pemString.utf8)
        serverCertificatePEM = try server.serializeAsPEM().pemString
        serverKeyPEM = serverKey.pemRepresentation
    }

    var trustRoots: HTTPSClient.TrustRoots { .only(pem: rootPEM) }

    func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(serverCertificatePEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem))
        )
        return try NIOSSLContext(configuration: configuration)
    }
}
