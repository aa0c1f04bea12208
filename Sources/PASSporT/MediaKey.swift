/// One entry of the `mky` claim: a media key fingerprint (RFC 8225 §5.2.2).
///
/// Wire form: `{"alg":"sha-256","dig":"<hex>"}`; entries are sorted by `alg`, then `dig` (RFC 8225 §9).
public struct MediaKey: Hashable, Sendable, Comparable {
    /// The hash function name, e.g. `sha-256`.
    public var algorithm: String
    /// The fingerprint digest as hex without colons.
    public var digest: String

    /// Creates an entry.
    public init(algorithm: String, digest: String) {
        self.algorithm = algorithm
        self.digest = digest
    }

    /// Order by `alg`, then `dig`, by code point (RFC 8225 §9).
    public static func < (lhs: MediaKey, rhs: MediaKey) -> Bool {
        if lhs.algorithm != rhs.algorithm { return lhs.algorithm.utf8.lexicographicallyPrecedes(rhs.algorithm.utf8) }
        return lhs.digest.utf8.lexicographicallyPrecedes(rhs.digest.utf8)
    }
}
