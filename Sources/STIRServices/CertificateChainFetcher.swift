import X509

/// The seam through which a verification service obtains the certificate chain named by a
/// PASSporT's `x5u` (RFC 8225 §4.3, RFC 8224 §6.2 step 3, ATIS-1000080 §6.3.1).
///
/// The chain is returned leaf first, followed by the intermediates in issuing order (RFC 9060
/// §5; a trust anchor, if included, is ignored by chain building). ``VerificationService`` applies
/// ``X5UPolicy`` before calling ``fetchChain(x5u:)``, so an implementation only sees URLs that are
/// HTTPS on an allowed port without userinfo, query or fragment. An HTTPS implementation must
/// also enforce the transport rules (no redirects, body cap, timeouts, address checks at connect
/// time); this protocol leaves those to it.
public protocol CertificateChainFetcher: Sendable {
    /// Returns the certificates published at `x5u`, leaf first.
    ///
    /// - Parameter x5u: the exact URL from the PASSporT header, already accepted by ``X5UPolicy``.
    /// - Throws: any error; the verification service maps every fetch error to 436 Bad Identity Info.
    func fetchChain(x5u: String) async throws -> [Certificate]
}
