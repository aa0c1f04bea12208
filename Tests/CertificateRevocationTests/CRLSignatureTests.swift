import Crypto
import Foundation
import Testing
import X509

@testable import CertificateRevocation

@Suite("CRL signature verification over the received tbsCertList (RFC 5280 §5.1.1.3)")
struct CRLSignatureTests {
    @Test("The issuer's key verifies the signature")
    func rightKeyVerifies() throws {
        let ca = try TestPKI.authority("Signer CA")
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(1)])
        #expect(crl.isSignatureValid(issuerPublicKey: ca.certificate.publicKey))
    }

    @Test("Another key does not verify the signature")
    func otherKeyFails() throws {
        let ca = try TestPKI.authority("Signer CA")
        let other = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(1)])
        #expect(!crl.isSignatureValid(issuerPublicKey: other.publicKey))
    }

    @Test("Changing one byte of a serial number inside tbsCertList invalidates the signature")
    func tamperedTBSFails() throws {
        let ca = try TestPKI.authority("Signer CA")
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(Certificate.SerialNumber(bytes: [0x42, 0x42, 0x42, 0x42]))])
        var bytes = Array(crl.derRepresentation)
        let marker: [UInt8] = [0x02, 0x04, 0x42, 0x42, 0x42, 0x42]
        let offset = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[offset + 5] = 0x43
        let tampered = try CertificateRevocationList(derEncoded: bytes)
        #expect(tampered.revokedCertificates.first?.serialNumber == Certificate.SerialNumber(bytes: [0x42, 0x42, 0x42, 0x43]))
        #expect(!tampered.isSignatureValid(issuerPublicKey: ca.certificate.publicKey))
        #expect(tampered != crl)
    }

    @Test("A P-384 CRL verifies with its key and not with a P-256 key")
    func p384() throws {
        let ca = try TestPKI.authority("P384 CA", key: Certificate.PrivateKey(P384.Signing.PrivateKey()))
        let crl = try TestPKI.crl(from: ca, entries: [])
        #expect(crl.isSignatureValid(issuerPublicKey: ca.certificate.publicKey))
        #expect(!crl.isSignatureValid(issuerPublicKey: Certificate.PrivateKey(P256.Signing.PrivateKey()).publicKey))
    }
}
