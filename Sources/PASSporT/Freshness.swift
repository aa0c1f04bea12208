/// The result of comparing a PASSporT's `iat` with the current time (RFC 8224 §4.1, §6.2).
///
/// Both directions are checked: a token from too far in the past is stale, and so is one dated
/// in the future beyond the tolerance. A verification service maps both to 403 Stale Date.
public enum Freshness: Hashable, Sendable {
    /// `iat` lies within the tolerance of now.
    case fresh
    /// `iat` is older than the tolerance allows, by `ageSeconds` since issue.
    case stale(ageSeconds: Int64)
    /// `iat` is later than now by more than the tolerance.
    case futureDated(secondsAhead: Int64)

    /// Whether the token is fresh.
    public var isFresh: Bool { self == .fresh }
}
