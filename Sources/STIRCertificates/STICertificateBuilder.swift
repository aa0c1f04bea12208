import Crypto
import Foundation
import SwiftASN1
import X509

/// Issues STI certificates that conform to their profile (ATIS-1000080 v005 §6.4.1, ATIS-1000092 §5.3.6,
/// RFC 9060 §4).
///
/// Issuance lints before it signs: the to-be-signed certificate is first signed with a lint-only
/// key and checked by ``linter``; any error-level finding aborts issuance with
/// ``STIRCertificatesError/Code/lintFailed``. Only then is the same TBS signed with the issuer key,
/// and the TBS bytes of both are compared.
public struct STICertificateBuilder: Sendable {
    /// Who signs the certificate.
    public enum Issuer: Sendable {
        /// A self-signed certificate (the SHAKEN root), signed with the subject's own key.
        case selfSigned(Certificate.PrivateKey)
        /// A certificate signed by an existing CA.
        case certificate(Certificate, privateKey: Certificate.PrivateKey)
    }

    /// The linter run before signing.
    public var linter: STICertificateLinter

    /// Creates a builder.
    ///
    /// - Parameter linter: The linter run before signing; defaults to every rule and CP version.
    public init(linter: STICertificateLinter = STICertificateLinter()) {
        self.linter = linter
    }

    /// Issues a certificate, drawing the serial number from `generator` when the request has none.
    ///
    /// - Parameters:
    ///   - request: What to certify.
    ///   - issuer: Who signs.
    ///   - generator: The source of serial-number randomness (a CSPRNG in production).
    /// - Returns: The signed certificate.
    /// - Throws: ``STIRCertificatesError`` (`lintFailed` with the findings, `invalidIssuer`,
    ///   `invalidSerialNumber`, `invalidValidity`, `unsupportedKey`, `signingFailed`).
    public func issue<Generator: RandomNumberGenerator>(
        _ request: STICertificateRequest,
        issuer: Issuer,
        using generator: inout Generator
    ) throws -> Certificate {
        var request = request
        if request.serialNumber == nil {
            request.serialNumber = Self.randomSerialNumber(using: &generator)
        }
        return try self.issue(request, issuer: issuer)
    }

    /// Issues a certificate whose request carries a serial number.
    ///
    /// - Parameters:
    ///   - request: What to certify; ``STICertificateRequest/serialNumber`` must be set.
    ///   - issuer: Who signs.
    /// - Returns: The signed certificate.
    /// - Throws: ``STIRCertificatesError`` as for ``issue(_:issuer:using:)``.
    public func issue(_ request: STICertificateRequest, issuer: Issuer) throws -> Certificate {
        guard let serial = request.serialNumber else {
            throw STIRCertificatesError(.invalidSerialNumber, "no serial number given and no generator supplied")
        }
        try Self.validate(serial)
        guard request.notValidBefore < request.notValidAfter else {
            throw STIRCertificatesError(.invalidValidity, "notBefore must be before notAfter (RFC 5280 §4.1.2.5)")
        }
        let signer = try Signer(issuer: issuer, profile: request.profile, subject: request.subject)
        let extensions = try STICertificateExtensionSet.make(for: request, authorityKeyIdentifier: signer.keyIdentifier)

        func sign(with key: Certificate.PrivateKey) throws -> Certificate {
            do {
                return try Certificate(
                    version: .v3,
                    serialNumber: serial,
                    publicKey: request.publicKey,
                    notValidBefore: request.notValidBefore,
                    notValidAfter: request.notValidAfter,
                    issuer: signer.name,
                    subject: request.subject,
                    signatureAlgorithm: signer.algorithm,
                    extensions: extensions,
                    issuerPrivateKey: key
                )
            } catch {
                throw STIRCertificatesError(.signingFailed, "cannot sign the certificate: \(error)")
            }
        }

        let lintCertificate = try sign(with: signer.lintKey)
        let findings = self.linter.lint(lintCertificate, issuer: signer.certificate, profile: request.profile)
        let errors = findings.filter { $0.level == .error }
        guard errors.isEmpty else {
            throw STIRCertificatesError(
                .lintFailed,
                "refusing to issue: \(errors.map(\.rule).joined(separator: ", "))",
                findings: findings
            )
        }

        let certificate = try sign(with: signer.key)
        guard certificate.tbsCertificateBytes == lintCertificate.tbsCertificateBytes else {
            throw STIRCertificatesError(.signingFailed, "the signed TBS differs from the linted TBS")
        }
        guard signer.publicKey.isValidSignature(certificate.signature, for: certificate) else {
            throw STIRCertificatesError(.signingFailed, "the issuer key does not match the issuer certificate")
        }
        return certificate
    }
}
