import CertificateRevocation
import Foundation
import X509

/// Builds the SHAKEN CRL (spec digest §4.6): one indirect CRL (RFC 5280 §5.2.5, §5.3.3) signed by the
/// STI-PA CRL signer, listing SP and STI-SCA certificates revoked by the operator, each entry carrying
/// the STI-CA intermediate that issued it as certificateIssuer.
public struct SHAKENCRLIssuer: Sendable {
    /// The PA CRL signer certificate (its subject is the CRL issuer named by certificates' cRLIssuer).
    public let signerCertificate: Certificate
    private let signerKey: Certificate.PrivateKey
    /// Seconds from `thisUpdate` to `nextUpdate` (default 24 hours).
    public let validity: TimeInterval
    /// The URL the CRL is served at (`/download/v1/crl`), written as the IDP distributionPoint when set.
    public let distributionPointURL: String?

    /// Creates the issuer.
    ///
    /// - Parameters:
    ///   - signerCertificate: The PA CRL signer certificate.
    ///   - signerKey: Its private key.
    ///   - validity: `nextUpdate - thisUpdate`, in seconds.
    ///   - distributionPointURL: The URL certificates name in their CRL distribution point, if the IDP should carry it.
    public init(
        signerCertificate: Certificate,
        signerKey: Certificate.PrivateKey,
        validity: TimeInterval = 86_400,
        distributionPointURL: String? = nil
    ) {
        self.signerCertificate = signerCertificate
        self.signerKey = signerKey
        self.validity = validity
        self.distributionPointURL = distributionPointURL
    }

    /// Builds and signs the CRL for `revocations` at `time` — a pure function of its arguments.
    ///
    /// - Parameters:
    ///   - revocations: The revocations, in the order to list them.
    ///   - crlNumber: The CRL number (RFC 5280 §5.2.3).
    ///   - time: `thisUpdate`; `nextUpdate` is `time + validity`.
    /// - Throws: ``PolicyAdministrationError/Code/crlFailed``.
    public func makeCRL(revocations: [RevocationRecord], crlNumber: UInt64, at time: Date) throws(PolicyAdministrationError) -> CertificateRevocationList {
        do {
            let point = distributionPointURL.map { DistributionPointName.fullName([.uniformResourceIdentifier($0)]) }
            let builder = try CRLBuilder(
                signer: signerCertificate,
                thisUpdate: time,
                nextUpdate: time + validity,
                crlNumber: CRLNumber(crlNumber),
                revokedCertificates: revocations.map { record in
                    RevokedCertificate(
                        serialNumber: record.serialNumber,
                        revocationDate: record.revokedAt,
                        reason: record.reason == .unspecified ? nil : record.reason,
                        certificateIssuer: record.issuer
                    )
                },
                issuingDistributionPoint: try IssuingDistributionPoint(distributionPoint: point, indirectCRL: true)
            )
            return try builder.sign(with: signerKey)
        } catch {
            throw PolicyAdministrationError(.crlFailed, "cannot build the SHAKEN CRL: \(error)")
        }
    }
}
