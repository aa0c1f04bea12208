import X509

/// Fetches the certificate chain a token authority names by `x5u` (RFC 9447 §4, RFC 7515 §4.1.5):
/// the signing certificate first, then any intermediates. The HTTP client implements it with size and
/// time limits; tests use a static map.
public protocol TokenAuthorityCertificateSource: Sendable {
    /// The chain at `x5u`, leaf first.
    func certificates(at x5u: String) async throws -> [Certificate]
}
