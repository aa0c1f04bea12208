import CertificateRevocation
import Foundation
import X509

/// A certificate revoked by the STI-PA operator (ATIS-1000080 §6.3.4 revocation; spec digest §4.6):
/// identified by serial number and issuer DN, as the SHAKEN CRL lists it.
public struct RevocationRecord: Hashable, Sendable {
    /// The certificate's serial number.
    public let serialNumber: Certificate.SerialNumber
    /// The certificate's issuer (an STI-CA intermediate), written as the entry's certificateIssuer.
    public let issuer: DistinguishedName
    /// The reason (RFC 5280 §5.3.1).
    public let reason: RevocationReason
    /// When it was revoked.
    public let revokedAt: Date

    /// Creates a record.
    public init(serialNumber: Certificate.SerialNumber, issuer: DistinguishedName, reason: RevocationReason, revokedAt: Date) {
        self.serialNumber = serialNumber
        self.issuer = issuer
        self.reason = reason
        self.revokedAt = revokedAt
    }
}
