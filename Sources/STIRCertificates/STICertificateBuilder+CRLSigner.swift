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

    /// Issues the STI-PA's CRL signer certificate under a SHAKEN root: an end entity (basicConstraints
    /// critical cA=FALSE) whose only key usage is cRLSign (critical), with subject and authority key
    /// identifiers.
    ///
    /// Certifying the CRL-signing key under the root that anchors the certificates the CRL covers lets
    /// standard X.509 path validation (OpenSSL's `-extended_crl`, which requires an indirect CRL's
    /// signer to chain to the same trust anchor as the certificate checked) accept the SHAKEN CRL.
    /// The signer is not a CA: keyCertSign is absent, so the key can never extend the root's
    /// hierarchy (RFC 5280 §4.2.1.3, §4.2.1.9). The root needs keyCertSign only, which the
    /// ATIS-1000080 v005 root profile has.
    ///
    /// - Parameters:
    ///   - subject: The signer's name; certificates name it in their CRL distribution point's `cRLIssuer`.
    ///   - publicKey: The signer's public key.
    ///   - issuer: The root certificate.
    ///   - issuerPrivateKey: The root's key.
    ///   - notValidBefore: Start of validity.
    ///   - notValidAfter: End of validity; never beyond the root's.
    ///   - generator: The source of the serial number's 126 random bits.
    /// - Throws: ``STIRCertificatesError`` when the validity window is empty, the root does not hold the
    ///   key, or signing fails.
    public static func issueCRLSigner<Generator: RandomNumberGenerator>(
        subject: DistinguishedName,
        publicKey: Certificate.PublicKey,
        issuer: Certificate,
        issuerPrivateKey: Certificate.PrivateKey,
        notValidBefore: Date,
        notValidAfter: Date,
        using generator: inout Generator
    ) throws -> Certificate {
        let end = min(notValidAfter, issuer.notValidAfter)
        guard notValidBefore < end else {
            throw STIRCertificatesError(.invalidValidity, "the CRL signer's notValidBefore must precede notValidAfter and the root's end of validity")
        }
        guard issuerPrivateKey.publicKey == issuer.publicKey else {
            throw STIRCertificatesError(.signingFailed, "the issuer key does not belong to the root certificate")
        }
        do {
            let authorityKeyIdentifier = try issuer.extensions.subjectKeyIdentifier?.keyIdentifier
            return try Certificate(
                version: .v3,
                serialNumber: randomSerialNumber(using: &generator),
                publicKey: publicKey,
                notValidBefore: notValidBefore,
                notValidAfter: end,
                issuer: issuer.subject,
                subject: subject,
                signatureAlgorithm: P384.Signing.PublicKey(issuer.publicKey) != nil ? .ecdsaWithSHA384 : .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(cRLSign: true))
                    SubjectKeyIdentifier(hash: publicKey)
                    if let authorityKeyIdentifier {
                        AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier)
                    }
                },
                issuerPrivateKey: issuerPrivateKey
            )
        } catch {
            throw STIRCertificatesError(.signingFailed, "cannot issue the CRL signer certificate: \(error)")
        }
    }
}
