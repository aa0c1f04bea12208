import CertificateRevocation
import X509

/// A ``CRLSource`` over a fixed set of CRLs, indexed by CRL issuer (RFC 5280 §6.3.3 (b)).
///
/// For a certificate it returns the CRLs whose issuer is the certificate's issuer (direct CRLs)
/// or a directoryName `cRLIssuer` of one of the certificate's CRL distribution points (indirect
/// CRLs, RFC 5280 §4.2.1.13, §5.2.5). Suits offline tools, tests and callers that refresh the set
/// themselves by building a new source.
public struct StaticCRLSource: CRLSource, Hashable {
    /// The CRLs, grouped by their issuer name.
    private let byIssuer: [DistinguishedName: [CertificateRevocationList]]

    /// Every CRL held, in the order given.
    public let crls: [CertificateRevocationList]

    /// Creates a source holding `crls`.
    ///
    /// - Parameter crls: The CRLs, direct and indirect, in any order.
    public init(_ crls: [CertificateRevocationList] = []) {
        self.crls = crls
        self.byIssuer = Dictionary(grouping: crls, by: \.issuer)
    }

    /// Always 0: the set of CRLs never changes (refresh by building a new source).
    public var revision: UInt64? {
        get async { 0 }
    }

    /// The held CRLs issued by `certificate`'s issuer or by a `cRLIssuer` its CRL distribution points name.
    ///
    /// A malformed CRL distribution points extension contributes no names; the direct CRLs are still returned.
    public func crls(for certificate: Certificate) async -> [CertificateRevocationList] {
        var names = [certificate.issuer]
        if let points = (try? certificate.extensions.crlDistributionPoints) ?? nil {
            for point in points.points {
                for name in point.crlIssuerNames where !names.contains(name) {
                    names.append(name)
                }
            }
        }
        return names.flatMap { self.byIssuer[$0] ?? [] }
    }
}
