import SwiftASN1
import X509

/// The certificate's CRL distribution point a CRL was fetched for (RFC 5280 §4.2.1.13, §6.3.3 (b)).
///
/// ```asn1
/// DistributionPoint ::= SEQUENCE {
///      distributionPoint       [0]     DistributionPointName OPTIONAL,
///      reasons                 [1]     ReasonFlags OPTIONAL,
///      cRLIssuer               [2]     GeneralNames OPTIONAL }
/// ```
///
/// A distribution point holds `distributionPoint`, `cRLIssuer` or both, so a scope with neither stands
/// for a certificate without a cRLDistributionPoints extension (``noDistributionPoint``): RFC 5280 §6.3.3
/// then assumes a distribution point named by the certificate issuer's name and a direct CRL.
/// The distribution point's `reasons` are not carried: every CRL must cover all reasons to be usable.
public struct CRLScope: Hashable, Sendable {
    /// The distribution point's `distributionPoint` name, or `nil` when the point omits it.
    public var distributionPoint: DistributionPointName?
    /// The distribution point's `cRLIssuer` names; empty when the certificate issuer issues the CRL (direct CRL).
    public var crlIssuer: [GeneralName]

    /// Describes one distribution point of the certificate.
    /// - Parameters:
    ///   - distributionPoint: Its `distributionPoint` name, if present.
    ///   - crlIssuer: Its `cRLIssuer` names, empty when absent.
    public init(distributionPoint: DistributionPointName?, crlIssuer: [GeneralName] = []) {
        self.distributionPoint = distributionPoint
        self.crlIssuer = crlIssuer
    }

    /// The scope of a certificate without a cRLDistributionPoints extension: a direct CRL whose
    /// distribution point is named by the certificate issuer (RFC 5280 §6.3.3, last paragraph).
    public static let noDistributionPoint = CRLScope(distributionPoint: nil)

    /// Whether the distribution point names a `cRLIssuer`, so the CRL must be an indirect CRL from one of
    /// those names (RFC 5280 §5.2.5, §6.3.3 (b)(1)).
    public var isIndirect: Bool {
        !crlIssuer.isEmpty
    }

    /// The directoryName entries of `cRLIssuer`: the names a CRL issuer must have (RFC 5280 §6.3.3 (b)(1)).
    public var crlIssuerNames: [DistinguishedName] {
        crlIssuer.compactMap { name in
            if case .directoryName(let dn) = name { return dn }
            return nil
        }
    }

    /// The names the distribution point goes by, for comparison with an issuingDistributionPoint
    /// (RFC 5280 §6.3.3 (b)(2)(i)).
    ///
    /// `fullName` gives its names; `nameRelativeToCRLIssuer` gives the fragment appended to each
    /// directoryName of `cRLIssuer`, or to the certificate issuer's name without one (RFC 5280 §4.2.1.13);
    /// without a `distributionPoint` the `cRLIssuer` names are used; without either, the certificate
    /// issuer's name (RFC 5280 §6.3.3, last paragraph).
    func names(certificateIssuer: DistinguishedName) -> [GeneralName] {
        switch distributionPoint {
        case .fullName(let names):
            return names
        case .nameRelativeToCRLIssuer(let fragment):
            let bases = isIndirect ? crlIssuerNames : [certificateIssuer]
            return bases.map { .directoryName(Self.append(fragment, to: $0)) }
        case nil:
            return isIndirect ? crlIssuer : [.directoryName(certificateIssuer)]
        }
    }

    /// `base` with `fragment` appended as its last RDN (RFC 5280 §4.2.1.13, §5.2.5).
    static func append(_ fragment: RelativeDistinguishedName, to base: DistinguishedName) -> DistinguishedName {
        DistinguishedName(Array(base) + [fragment])
    }
}
