import CertificateRevocation
import Crypto
import Foundation
import STIRCertificates
import STIRTesting
import Testing
import X509

@Suite("STI-PA CRL signer certificate")
struct CRLSignerTests {
    static let now = Date(timeIntervalSince1970: 1_735_689_600)

    @Test("is self-signed, a CA with pathLen 0, keyCertSign and cRLSign, and signs a usable indirect CRL")
    func shape() throws {
        var generator = SeededRandomNumberGenerator(seed: 11)
        let key = try P256.Signing.PrivateKey(rawRepresentation: SHA256.hash(data: Data("crl-signer-test".utf8)))
        let name = try DistinguishedName.shaken(commonName: "STI-PA CRL", organization: "Example STI-PA", country: "US")
        let signer = try STICertificateBuilder.issueCRLSigner(
            subject: name, privateKey: Certificate.PrivateKey(key),
            notValidBefore: Self.now - 86_400, notValidAfter: Self.now + 86_400 * 365, using: &generator
        )
        #expect(signer.issuer == signer.subject)
        #expect(signer.publicKey.isValidSignature(signer.signature, for: signer))
        #expect(try signer.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(try signer.extensions.keyUsage == KeyUsage(keyCertSign: true, cRLSign: true))
        #expect(try signer.extensions.subjectKeyIdentifier != nil)
        #expect(signer.serialNumber.bytes.count == 16)

        // It can sign the SHAKEN indirect CRL that covers the STI-CA intermediate's certificates.
        let pki = try TestPKI()
        let crl = try CertificateRevocationList(
            issuer: name, thisUpdate: Self.now, nextUpdate: Self.now + 86_400, crlNumber: CRLNumber(1),
            revokedCertificates: [], authorityKeyIdentifier: nil,
            issuingDistributionPoint: IssuingDistributionPoint(indirectCRL: true),
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        #expect(crl.isSignatureValid(issuerPublicKey: signer.publicKey))
        #expect(crl.validate(signer: signer, for: pki.subordinateCA.certificate, scope: CRLScope(distributionPoint: nil, crlIssuer: [.directoryName(name)]), at: Self.now) == .usable)
    }

    @Test("refuses an empty validity window")
    func emptyValidity() throws {
        var generator = SeededRandomNumberGenerator(seed: 12)
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName.shaken(commonName: "STI-PA CRL", organization: "Example STI-PA", country: "US")
        #expect(throws: STIRCertificatesError(.invalidValidity, "")) {
            try STICertificateBuilder.issueCRLSigner(
                subject: name, privateKey: Certificate.PrivateKey(key),
                notValidBefore: Self.now, notValidAfter: Self.now, using: &generator
            )
        }
    }

    @Test("under a root it is an end entity with cRLSign only, names the root, and signs a usable indirect CRL")
    func underRoot() throws {
        var generator = SeededRandomNumberGenerator(seed: 13)
        let pki = try TestPKI()
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName.shaken(commonName: "STI-PA CRL", organization: "Example STI-PA", country: "US")
        let signer = try STICertificateBuilder.issueCRLSigner(
            subject: name, publicKey: Certificate.PublicKey(key.publicKey),
            issuer: pki.root.certificate, issuerPrivateKey: pki.root.certificatePrivateKey,
            notValidBefore: Self.now - 86_400, notValidAfter: pki.root.certificate.notValidAfter + 86_400, using: &generator
        )
        #expect(signer.issuer == pki.root.certificate.subject)
        #expect(pki.root.certificate.publicKey.isValidSignature(signer.signature, for: signer))
        #expect(!signer.publicKey.isValidSignature(signer.signature, for: signer))
        #expect(try signer.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try signer.extensions.keyUsage == KeyUsage(cRLSign: true))
        #expect(try signer.extensions.authorityKeyIdentifier?.keyIdentifier == pki.root.certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(signer.notValidAfter == pki.root.certificate.notValidAfter)

        let crl = try CertificateRevocationList(
            issuer: name, thisUpdate: Self.now, nextUpdate: Self.now + 86_400, crlNumber: CRLNumber(1),
            revokedCertificates: [], authorityKeyIdentifier: nil,
            issuingDistributionPoint: IssuingDistributionPoint(indirectCRL: true),
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        #expect(crl.validate(signer: signer, for: pki.subordinateCA.certificate, scope: CRLScope(distributionPoint: nil, crlIssuer: [.directoryName(name)]), at: Self.now) == .usable)
    }

    @Test("under a root it refuses a key that is not the root's")
    func underRootWrongKey() throws {
        var generator = SeededRandomNumberGenerator(seed: 14)
        let pki = try TestPKI()
        let name = try DistinguishedName.shaken(commonName: "STI-PA CRL", organization: "Example STI-PA", country: "US")
        #expect(throws: STIRCertificatesError(.signingFailed, "")) {
            try STICertificateBuilder.issueCRLSigner(
                subject: name, publicKey: Certificate.PublicKey(P256.Signing.PrivateKey().publicKey),
                issuer: pki.root.certificate, issuerPrivateKey: pki.intermediate.certificatePrivateKey,
                notValidBefore: Self.now - 86_400, notValidAfter: Self.now + 86_400, using: &generator
            )
        }
    }
}
