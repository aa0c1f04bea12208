import CertificateRevocation
import X509

/// Supplies the CRLs that may decide the revocation status of a certificate (RFC 5280 §6.3;
/// ATIS-1000080 §6.3.4 / spec digest §4.6: SHAKEN certificates point at one STI-PA-hosted indirect CRL).
///
/// Implementations fetch, cache and refresh CRLs however they like (HTTP download, files, a
/// database); the verifier never performs I/O itself. Returning a CRL is not an endorsement: the
/// verifier checks every CRL's signature, issuer, scope and freshness before it uses it, so a
/// source may return more CRLs than needed.
public protocol CRLSource: Sendable {
    /// The CRLs that could cover `certificate`: those issued by its issuer (direct CRLs) and those
    /// issued by a `cRLIssuer` named in its CRL distribution points (indirect CRLs, RFC 5280 §4.2.1.13).
    ///
    /// - Parameter certificate: The certificate whose revocation status is wanted.
    /// - Returns: Candidate CRLs; empty when none is available, which makes the status unknown.
    func crls(for certificate: Certificate) async -> [CertificateRevocationList]

    /// A number that changes whenever the set of CRLs this source hands out changes (a new CRL
    /// downloaded, a file reloaded), or `nil` when the source cannot tell.
    ///
    /// Caches of revocation verdicts compare it instead of asking again for every certificate on
    /// every use: while the revision and the CRLs' `nextUpdate` hold, the verdict holds. The
    /// default is `nil`, which makes such caches ask again each time.
    var revision: UInt64? { get async }
}

extension CRLSource {
    /// `nil`: this source does not tell when its CRLs change.
    public var revision: UInt64? {
        get async { nil }
    }
}
