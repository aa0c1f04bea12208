import CertificateRevocation
import SwiftASN1
import X509

/// One CRL distribution point (RFC 5280 §4.2.1.13).
///
/// SHAKEN intermediate and end-entity certificates carry one distribution point whose
/// `distributionPoint` is the HTTP(S) URL of the STI-PA CRL and whose `cRLIssuer` is the DN of
/// that CRL's issuer (ATIS-1000080 v005 §6.4.1).
///
/// ```asn1
/// DistributionPoint ::= SEQUENCE {
///      distributionPoint       [0]     DistributionPointName OPTIONAL,
///      reasons                 [1]     ReasonFlags OPTIONAL,
///      cRLIssuer               [2]     GeneralNames OPTIONAL }
/// DistributionPointName ::= CHOICE {
///      fullName                [0]     GeneralNames,
///      nameRelativeToCRLIssuer [1]     RelativeDistinguishedName }
/// ```
public struct DistributionPoint: Hashable, Sendable {
    /// `DistributionPointName` (RFC 5280 §4.2.1.13): the same CHOICE an issuingDistributionPoint carries.
    public typealias Name = DistributionPointName

    /// Where the CRL can be fetched, if given.
    public var distributionPoint: Name?
    /// The revocation reasons this CRL covers; `nil` means all reasons.
    public var reasons: ReasonFlags?
    /// The names of the CRL issuer when it is not the certificate issuer (an indirect CRL), never empty.
    public var crlIssuer: [GeneralName]?

    /// Creates a distribution point.
    ///
    /// - Parameters:
    ///   - distributionPoint: The CRL location.
    ///   - reasons: The covered reasons, `nil` for all.
    ///   - crlIssuer: The CRL issuer names.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when both `distributionPoint` and `crlIssuer`
    ///   are absent, or a name list is empty (RFC 5280 §4.2.1.13).
    public init(distributionPoint: Name?, reasons: ReasonFlags? = nil, crlIssuer: [GeneralName]? = nil) throws {
        guard distributionPoint != nil || crlIssuer != nil else {
            throw STIRCertificatesError(
                .invalidExtensionValue,
                "a distribution point must contain distributionPoint or cRLIssuer (RFC 5280 §4.2.1.13)"
            )
        }
        if case .fullName(let names) = distributionPoint, names.isEmpty {
            throw STIRCertificatesError(.invalidExtensionValue, "fullName must not be empty")
        }
        if let crlIssuer, crlIssuer.isEmpty {
            throw STIRCertificatesError(.invalidExtensionValue, "cRLIssuer must not be empty")
        }
        self.distributionPoint = distributionPoint
        self.reasons = reasons
        self.crlIssuer = crlIssuer
    }

    /// Creates a distribution point for one CRL URL, optionally naming the CRL issuer by DN.
    ///
    /// - Parameters:
    ///   - url: The CRL URL (a `uniformResourceIdentifier` GeneralName).
    ///   - crlIssuer: The DN of the CRL issuer for an indirect CRL, or `nil` for a direct CRL.
    /// - Throws: never in practice; declared for symmetry with the designated initializer.
    public init(url: String, crlIssuer: DistinguishedName?) throws {
        try self.init(
            distributionPoint: .fullName([.uniformResourceIdentifier(url)]),
            crlIssuer: crlIssuer.map { [.directoryName($0)] }
        )
    }

    /// Every URI in `fullName`.
    public var uris: [String] {
        guard case .fullName(let names) = self.distributionPoint else { return [] }
        return names.compactMap { name in
            if case .uniformResourceIdentifier(let uri) = name { return uri }
            return nil
        }
    }

    /// Every directory name in `cRLIssuer`.
    public var crlIssuerNames: [DistinguishedName] {
        (self.crlIssuer ?? []).compactMap { name in
            if case .directoryName(let dn) = name { return dn }
            return nil
        }
    }
}
