import SwiftASN1
import X509

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An X.509 certificate revocation list (RFC 5280 §5).
///
/// ```asn1
/// CertificateList  ::=  SEQUENCE  {
///      tbsCertList          TBSCertList,
///      signatureAlgorithm   AlgorithmIdentifier,
///      signatureValue       BIT STRING  }
///
/// TBSCertList  ::=  SEQUENCE  {
///      version                 Version OPTIONAL,
///                                   -- if present, MUST be v2
///      signature               AlgorithmIdentifier,
///      issuer                  Name,
///      thisUpdate              Time,
///      nextUpdate              Time OPTIONAL,
///      revokedCertificates     SEQUENCE OF SEQUENCE  {
///           userCertificate         CertificateSerialNumber,
///           revocationDate          Time,
///           crlEntryExtensions      Extensions OPTIONAL
///                                    -- if present, version MUST be v2
///                                }  OPTIONAL,
///      crlExtensions           [0]  EXPLICIT Extensions OPTIONAL
///                                    -- if present, version MUST be v2
///                                }
/// ```
///
/// A parsed CRL keeps the exact bytes it was decoded from: ``derRepresentation`` and ``tbsCertListBytes``.
/// Signatures are always verified over the received `tbsCertList` bytes, never over a re-encoding, and
/// serializing a parsed CRL writes the received bytes back unchanged.
///
/// Revoked entries are indexed at parse time by (effective issuer, serial number), so
/// ``revocationStatus(serialNumber:issuer:)`` is O(1) however long the list is.
public struct CertificateRevocationList: Sendable {
    /// The version of a CRL (RFC 5280 §5.1.2.1).
    public enum Version: Int, Hashable, Sendable {
        /// Version 1: the `version` field is absent; no extensions are allowed.
        case v1 = 0
        /// Version 2: required whenever extensions are present.
        case v2 = 1
    }

    /// The CRL version (RFC 5280 §5.1.2.1).
    public let version: Version
    /// The algorithm the CRL issuer signed with (RFC 5280 §5.1.1.2, §5.1.2.2).
    public let signatureAlgorithm: Certificate.SignatureAlgorithm
    /// The signature over ``tbsCertListBytes`` (RFC 5280 §5.1.1.3).
    public let signature: Certificate.Signature
    /// The name of the entity that signed the CRL (RFC 5280 §5.1.2.3).
    public let issuer: DistinguishedName
    /// When this CRL was issued (RFC 5280 §5.1.2.4).
    public let thisUpdate: Date
    /// When the next CRL will be issued, at the latest (RFC 5280 §5.1.2.5). Conforming issuers always set it.
    public let nextUpdate: Date?
    /// The CRL extensions (RFC 5280 §5.2), in their received order; unknown ones are kept.
    public let extensions: Certificate.Extensions
    /// The cRLNumber extension (RFC 5280 §5.2.3), if present.
    public let crlNumber: CRLNumber?
    /// The deltaCRLIndicator extension (RFC 5280 §5.2.4): the base CRL number when this is a delta CRL.
    public let deltaCRLIndicator: CRLNumber?
    /// The issuingDistributionPoint extension (RFC 5280 §5.2.5), if present.
    public let issuingDistributionPoint: IssuingDistributionPoint?
    /// The authorityKeyIdentifier extension (RFC 5280 §5.2.1), if present.
    public let authorityKeyIdentifier: AuthorityKeyIdentifier?
    /// OIDs of critical CRL or CRL entry extensions this library does not process.
    ///
    /// RFC 5280 §5.2 and §5.3: a CRL with such an extension MUST NOT be used to determine revocation status;
    /// ``validate(signer:for:scope:at:grace:)`` reports it as unusable.
    public let unhandledCriticalExtensions: [ASN1ObjectIdentifier]
    /// The complete DER encoding this CRL was decoded from (or built as).
    public let derRepresentation: ArraySlice<UInt8>
    /// The DER encoding of `tbsCertList`, the bytes the signature covers (RFC 5280 §5.1.1.1).
    public let tbsCertListBytes: ArraySlice<UInt8>

    /// The received `signatureValue` bits, verified as-is.
    let signatureBytes: ArraySlice<UInt8>
    let table: RevocationTable

    init(
        version: Version,
        signatureAlgorithm: Certificate.SignatureAlgorithm,
        signature: Certificate.Signature,
        signatureBytes: ArraySlice<UInt8>,
        issuer: DistinguishedName,
        thisUpdate: Date,
        nextUpdate: Date?,
        extensions: Certificate.Extensions,
        recognised: RecognisedExtensions,
        unhandledCriticalExtensions: [ASN1ObjectIdentifier],
        derRepresentation: ArraySlice<UInt8>,
        tbsCertListBytes: ArraySlice<UInt8>,
        table: RevocationTable
    ) {
        self.version = version
        self.signatureAlgorithm = signatureAlgorithm
        self.signature = signature
        self.signatureBytes = signatureBytes
        self.issuer = issuer
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.extensions = extensions
        self.crlNumber = recognised.crlNumber
        self.deltaCRLIndicator = recognised.deltaCRLIndicator
        self.issuingDistributionPoint = recognised.issuingDistributionPoint
        self.authorityKeyIdentifier = recognised.authorityKeyIdentifier
        self.unhandledCriticalExtensions = unhandledCriticalExtensions
        self.derRepresentation = derRepresentation
        self.tbsCertListBytes = tbsCertListBytes
        self.table = table
    }

    /// The number of revoked-certificate entries.
    public var count: Int {
        table.records.count
    }

    /// The revoked-certificate entries in CRL order, decoded on access (RFC 5280 §5.1.2.6).
    public var revokedCertificates: some RandomAccessCollection<RevokedCertificate> {
        RevokedCertificateCollection(table: table)
    }

    /// Looks up the entry for a certificate in O(1) (RFC 5280 §6.3.3 (i)).
    ///
    /// An entry matches only when its serial number equals `serialNumber` and its effective issuer equals `issuer`:
    /// the CRL issuer for ordinary entries, or the carried-over certificateIssuer in an indirect CRL
    /// (RFC 5280 §5.3.3). A serial number listed for another issuer never matches.
    /// This is a lookup only: it does not check the CRL's signature, scope or freshness; use
    /// ``status(of:signer:scope:at:grace:)`` for a complete verdict.
    /// - Parameters:
    ///   - serialNumber: The certificate's serial number.
    ///   - issuer: The certificate's issuer name.
    /// - Returns: The entry, or `nil` when the certificate is not listed.
    public func revocationStatus(serialNumber: Certificate.SerialNumber, issuer: DistinguishedName) -> RevokedCertificate? {
        table.find(serial: serialNumber.bytes, issuer: issuer).map { table.revokedCertificate(at: $0) }
    }
}

extension CertificateRevocationList: Hashable {
    /// Two CRLs are equal when their DER encodings are identical.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.derRepresentation == rhs.derRepresentation
    }

    /// Hashes the signature, which is determined by the DER encoding.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(signature)
    }
}

extension CertificateRevocationList {
    /// The recognised CRL extensions, decoded (RFC 5280 §5.2).
    struct RecognisedExtensions {
        var crlNumber: CRLNumber?
        var deltaCRLIndicator: CRLNumber?
        var issuingDistributionPoint: IssuingDistributionPoint?
        var authorityKeyIdentifier: AuthorityKeyIdentifier?

        static let oids: [ASN1ObjectIdentifier] = [
            .CRLExtensionID.crlNumber, .CRLExtensionID.deltaCRLIndicator,
            .CRLExtensionID.issuingDistributionPoint, .CRLExtensionID.authorityKeyIdentifier,
        ]

        init(_ extensions: Certificate.Extensions) throws {
            for ext in extensions {
                switch ext.oid {
                case .CRLExtensionID.crlNumber:
                    crlNumber = try CRLNumber(extensionValue: ext.value)
                case .CRLExtensionID.deltaCRLIndicator:
                    deltaCRLIndicator = try CRLNumber(extensionValue: ext.value)
                case .CRLExtensionID.issuingDistributionPoint:
                    issuingDistributionPoint = try IssuingDistributionPoint(ext)
                case .CRLExtensionID.authorityKeyIdentifier:
                    do {
                        authorityKeyIdentifier = try AuthorityKeyIdentifier(ext)
                    } catch {
                        throw CertificateRevocationError(.invalidExtension, "malformed authorityKeyIdentifier: \(error)")
                    }
                default:
                    continue
                }
            }
        }
    }
}
