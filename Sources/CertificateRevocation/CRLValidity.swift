import SwiftASN1
import X509

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether a CRL may be used to decide the revocation status of a given certificate (RFC 5280 §6.3.3).
public enum CRLValidity: Hashable, Sendable {
    /// The CRL is authentic, in scope for the certificate and current.
    case usable
    /// The CRL must not be used for this certificate.
    case unusable(UnusableReason)
    /// The CRL is authentic and in scope but past `nextUpdate` plus grace, or has no `nextUpdate`
    /// (RFC 5280 §6.3.3 (a)(2)); `nil` when `nextUpdate` is absent.
    case stale(nextUpdate: Date?)

    /// Why a CRL cannot be used (RFC 5280 §6.3.3).
    public enum UnusableReason: Hashable, Sendable, CustomStringConvertible {
        /// The signer's key does not verify the CRL signature (RFC 5280 §6.3.3 (g)).
        case invalidSignature
        /// The CRL issuer name differs from the signer's subject (RFC 5280 §6.3.3 (f)).
        case signerNameMismatch
        /// The signer's keyUsage extension is present without cRLSign (RFC 5280 §4.2.1.3, §6.3.3 (f)).
        case signerLacksCRLSign
        /// A signer or certificate extension needed for the decision is malformed.
        case malformedCertificateExtension(String)
        /// The CRL does not cover this certificate (RFC 5280 §6.3.3 (b)).
        case outOfScope(String)
        /// The issuingDistributionPoint names a distribution point and none of its names is a name of the
        /// certificate's distribution point the CRL was fetched for — its `fullName`, its `cRLIssuer` when it
        /// has no `distributionPoint`, or the certificate issuer's name when the certificate has no CRL
        /// distribution point: the CRL is another partition (RFC 5280 §5.2.5, §6.3.3 (b)(2)(i)).
        case distributionPointMismatch
        /// The CRL only covers some revocation reasons, so it cannot show a certificate is unrevoked
        /// (RFC 5280 §5.2.5 onlySomeReasons, §6.3.3 (d)).
        case partialReasonCoverage
        /// The CRL has critical extensions this library does not process (RFC 5280 §5.2, §5.3).
        case unhandledCriticalExtensions([ASN1ObjectIdentifier])
        /// The CRL is a delta CRL (RFC 5280 §5.2.4); only complete CRLs are supported.
        case deltaCRL
        /// The cRLNumber extension is missing or marked critical (RFC 5280 §5.2.3: MUST be present and non-critical).
        case nonConformingCRLNumber
        /// `thisUpdate` is after the validation time (RFC 5280 §5.1.2.4).
        case notYetValid(thisUpdate: Date)

        /// A short explanation.
        public var description: String {
            switch self {
            case .invalidSignature: "the CRL signature does not verify with the signer's key"
            case .signerNameMismatch: "the CRL issuer is not the signer's subject"
            case .signerLacksCRLSign: "the signer's keyUsage does not include cRLSign"
            case .malformedCertificateExtension(let detail): "malformed certificate extension: \(detail)"
            case .outOfScope(let detail): "the CRL does not cover the certificate: \(detail)"
            case .distributionPointMismatch:
                "the CRL's issuing distribution point is not the certificate's CRL distribution point"
            case .partialReasonCoverage: "the CRL covers only some revocation reasons"
            case .unhandledCriticalExtensions(let oids):
                "unhandled critical extensions: \(oids.map(String.init(describing:)).joined(separator: ", "))"
            case .deltaCRL: "delta CRLs are not supported"
            case .nonConformingCRLNumber: "cRLNumber is missing or critical"
            case .notYetValid(let thisUpdate): "the CRL is not valid before \(thisUpdate)"
            }
        }
    }
}

/// The revocation verdict for a certificate (RFC 5280 §6.3.3 (i)–(k)).
///
/// A CRL that is unusable or stale yields ``unknown(reason:)``, never ``good``.
public enum RevocationStatus: Hashable, Sendable {
    /// A usable CRL covers the certificate and does not list it.
    case good
    /// A usable CRL lists the certificate.
    case revoked(RevokedCertificate)
    /// No verdict could be reached; the reason says why.
    case unknown(reason: String)
}
