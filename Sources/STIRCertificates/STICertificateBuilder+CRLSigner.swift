import Crypto
import Foundation
import SwiftASN1
import X509

extension STICertificateBuilder {
    /// Issues the STI-PA's CRL signer certificate: self-signed, basicConstraints critical cA=TRUE
    /// with pathLen 0, keyUsage critical keyCertSign and cRLSign, and a subjectKeyIdentifier.
    ///
    /// The STI-PA signs the SHAKEN CRL, an indirect CRL covering STI-CA intermediates and STI-SCA
    /// certificates (ATIS-1000080 §6.3.4; spec digest §4.6). ATIS-1000080 does not profile this
    /// certificate, so no ``STICertificateProfile`` describes it (a SHAKEN root has keyCertSign
    /// only): relying parties configure it as a CRL signer, never as a path-validation anchor.
    ///
    /// - Parameters:
    ///   - subject: The signer's name; certificates name it in their CRL distribution point's `cRLIssuer`.
    ///   - privateKey: The signer's key (P-256, or P-384 which CP v1.4 allows for CA signatures).
    ///   - notValidBefore: Start of validity.
    ///   - notValidAfter: End of validity.
    ///   - generator: The source of the serial number's 126 random bits.
    /// - Throws: ``STIRCertificatesError`` when the validity window is empty or signing fails.
    public static func issueCRLSigner<Generator: RandomNumberGenerator>(
        subject: DistinguishedName,
        privateKey: Certificate.PrivateKey,
        notValidBefore: Date,
        notValidAfter: Date,
        using generator: inout Generator
    ) throws -> Certificate {
        guard notValidBefore < notValidAfter else {
            throw STIRCertificatesError(.invalidValidity, "the CRL signer's notValidBefore must precede notValidAfter")
        }
        let publicKey = privateKey.publicKey
        do {
            return try Certificate(
                version: .v3,
                serialNumber: randomSerialNumber(using: &generator),
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
                issuerPrivateKey: privateKey
            )
        } catch {
            throw STIRCertificatesError(.signingFailed, "cannot issue the CRL signer certificate: \(error)")
        }
    }
}
