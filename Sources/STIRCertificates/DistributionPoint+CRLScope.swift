import CertificateRevocation
import X509

extension DistributionPoint {
    /// This distribution point as the scope a CRL fetched for it must cover: its `distributionPoint` name and
    /// `cRLIssuer` names (RFC 5280 §4.2.1.13, §6.3.3 (b)). Its `reasons` are not carried: every CRL must
    /// cover all reasons to be usable.
    public var crlScope: CRLScope {
        CRLScope(distributionPoint: distributionPoint, crlIssuer: crlIssuer ?? [])
    }
}
