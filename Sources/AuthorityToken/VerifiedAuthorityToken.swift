/// An SPC token whose ES256 signature verified with the token authority's key (RFC 9448 §6).
///
/// Only ``UnverifiedAuthorityToken/verifySignature(using:)`` creates one. Whether that key belongs
/// to a trusted authority, and whether the claims fit the ACME request, are the caller's checks.
public struct VerifiedAuthorityToken: Hashable, Sendable {
    /// The authenticated header.
    public let header: AuthorityTokenHeader
    /// The authenticated claims.
    public let claims: AuthorityTokenClaims
    /// The token as received.
    public let compact: String

    init(header: AuthorityTokenHeader, claims: AuthorityTokenClaims, compact: String) {
        self.header = header
        self.claims = claims
        self.compact = compact
    }
}
