import Crypto
import Foundation
import STIRCertificates
import X509

/// The STI-PA CRL signer certificate: self-signed, cA=TRUE with pathLen 0, keyUsage keyCertSign and cRLSign,
/// subjectKeyIdentifier (ATIS-1000080 §6.3.4: the STI-PA signs the CRL that covers STI-CA intermediates and
/// STI-SCA certificates; it is configured by relying parties like a trust anchor).
///
/// None of the ``STICertificateProfile`` cases describes it (a `root` has no cRLSign), so the composition
/// root issues it here with swift-certificates directly.
enum CRLSignerCertificate {
    /// Issues the certificate.
    static func make(
        subject: DistinguishedName,
        key: Certificate.PrivateKey,
        notValidBefore: Date,
        notValidAfter: Date
    ) throws -> Certificate {
        var generator = SystemRandomNumberGenerator()
        let publicKey = key.publicKey
        return try Certificate(
            version: .v3,
            serialNumber: STICertificateBuilder.randomSerialNumber(using: &generator),
            publicKey: publicKey,
            notValidBefore: notValidBefore,
            notValidAfter: notValidAfter,
            issuer: subject,
            subject: subject,
            signatureAlgorithm: P384.Signing.PublicKey(publicKey) != nil ? .ecdsaWithSHA384 : .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: key
        )
    }
}
