/// A PASSporT whose ES256 signature verified over the received bytes (RFC 8225 §6).
///
/// Only ``UnverifiedPASSporT/verifySignature(using:)`` creates one. Whether the key was the right
/// one (the `x5u` chain, its TNAuthList, revocation) is the caller's verification step.
public struct VerifiedPASSporT: Hashable, Sendable {
    /// The authenticated header.
    public let header: PASSporTHeader
    /// The authenticated claims.
    public let claims: PASSporTClaims
    /// The token as received.
    public let compact: String

    init(header: PASSporTHeader, claims: PASSporTClaims, compact: String) {
        self.header = header
        self.claims = claims
        self.compact = compact
    }

    /// Classifies `iat` against `now`, in both directions (RFC 8224 §6.2).
    ///
    /// - Parameters:
    ///   - now: the current time in seconds since the epoch, supplied by the caller.
    ///   - tolerance: the accepted distance in seconds either way (default 60, RFC 8224 §4.1).
    public func checkFreshness(now: Int64, tolerance: Int64 = 60) -> Freshness {
        claims.checkFreshness(now: now, tolerance: tolerance)
    }
}
