import X509

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One entry of a CRL's `revokedCertificates` list (RFC 5280 §5.1.2.6) with its recognised entry extensions
/// (RFC 5280 §5.3).
///
/// ```asn1
/// revokedCertificates     SEQUENCE OF SEQUENCE  {
///      userCertificate         CertificateSerialNumber,
///      revocationDate          Time,
///      crlEntryExtensions      Extensions OPTIONAL
///                               -- if present, version MUST be v2
///                           }  OPTIONAL,
/// ```
public struct RevokedCertificate: Hashable, Sendable {
    /// The serial number of the revoked certificate (`userCertificate`).
    public var serialNumber: Certificate.SerialNumber
    /// When the revocation occurred (`revocationDate`), to whole seconds.
    public var revocationDate: Date
    /// The `reasonCode` entry extension (RFC 5280 §5.3.1); `nil` when absent.
    public var reason: RevocationReason?
    /// The issuer of the revoked certificate when it is not the CRL issuer.
    ///
    /// In an indirect CRL this is the directoryName of the most recent `certificateIssuer` entry extension, which
    /// carries over to the following entries until another one appears (RFC 5280 §5.3.3). `nil` means the
    /// certificate was issued by the CRL issuer.
    public var certificateIssuer: DistinguishedName?
    /// The `invalidityDate` entry extension (RFC 5280 §5.3.2); `nil` when absent.
    public var invalidityDate: Date?

    /// Creates an entry, e.g. to build a CRL with ``CRLBuilder``.
    /// - Parameters:
    ///   - serialNumber: The serial number of the revoked certificate.
    ///   - revocationDate: When the certificate was revoked (encoded to whole seconds).
    ///   - reason: The reason code, if any (RFC 5280 §5.3.1).
    ///   - certificateIssuer: The issuer of the certificate when it is not the CRL issuer (indirect CRLs,
    ///     RFC 5280 §5.3.3).
    ///   - invalidityDate: When the key is known or suspected to have been compromised (RFC 5280 §5.3.2).
    public init(
        serialNumber: Certificate.SerialNumber,
        revocationDate: Date,
        reason: RevocationReason? = nil,
        certificateIssuer: DistinguishedName? = nil,
        invalidityDate: Date? = nil
    ) {
        self.serialNumber = serialNumber
        self.revocationDate = revocationDate
        self.reason = reason
        self.certificateIssuer = certificateIssuer
        self.invalidityDate = invalidityDate
    }
}
