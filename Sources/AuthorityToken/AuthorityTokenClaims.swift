import JOSE

/// The claims of an SPC token: an Authority Token (RFC 9447 §4) with the TNAuthList profile of
/// RFC 9448 §5, as ATIS-1000080 §6.3.5.2 uses it.
///
/// ```json
/// {"atc":{"ca":false,"fingerprint":"SHA256 AB:…","tktype":"TNAuthList","tkvalue":"MAigBhYEMTIzNA=="},
///  "exp":1700000000,"iss":"https://sti-pa.example","jti":"…"}
/// ```
public struct AuthorityTokenClaims: Hashable, Sendable {
    /// The token authority that issued the token (RFC 7519 §4.1.1).
    public var issuer: String
    /// Expiry, seconds since the epoch (RFC 7519 §4.1.4).
    public var expiresAt: Int64
    /// The unique token identifier, used once (RFC 7519 §4.1.7, RFC 9447 §4).
    public var tokenID: String
    /// The optional start of validity, seconds since the epoch (RFC 7519 §4.1.5).
    public var notBefore: Int64?
    /// The Authority Token Challenge claim `atc` (RFC 9447 §4, RFC 9448 §5).
    public var atc: ATC

    /// The longest accepted `jti`, in bytes.
    public static let maximumTokenIDLength = 256

    /// Creates claims.
    ///
    /// - Throws: ``AuthorityTokenError/Code/invalidClaim`` for an empty `iss`, an empty or overlong
    ///   `jti`, or `nbf` after `exp`.
    public init(issuer: String, expiresAt: Int64, tokenID: String, notBefore: Int64? = nil, atc: ATC) throws(AuthorityTokenError) {
        guard !issuer.isEmpty else {
            throw AuthorityTokenError(code: .invalidClaim, reason: "iss is empty")
        }
        guard !tokenID.isEmpty, tokenID.utf8.count <= Self.maximumTokenIDLength else {
            throw AuthorityTokenError(code: .invalidClaim, reason: "jti must have 1 to \(Self.maximumTokenIDLength) bytes")
        }
        if let notBefore, notBefore > expiresAt {
            throw AuthorityTokenError(code: .invalidClaim, reason: "nbf \(notBefore) is after exp \(expiresAt)")
        }
        self.issuer = issuer
        self.expiresAt = expiresAt
        self.tokenID = tokenID
        self.notBefore = notBefore
        self.atc = atc
    }

    /// Checks `exp` and `nbf` against `now`, allowing `skew` seconds either way (RFC 7519 §4.1.4–§4.1.5).
    ///
    /// - Parameters:
    ///   - now: the current time in seconds since the epoch, supplied by the caller.
    ///   - skew: the tolerated clock difference in seconds.
    /// - Throws: ``AuthorityTokenError/Code/expired`` or ``AuthorityTokenError/Code/notYetValid``.
    public func checkValidity(now: Int64, skew: Int64 = 60) throws(AuthorityTokenError) {
        guard now <= expiresAt &+ skew else {
            throw AuthorityTokenError(code: .expired, reason: "token expired at \(expiresAt), now is \(now)")
        }
        if let notBefore, now &+ skew < notBefore {
            throw AuthorityTokenError(code: .notYetValid, reason: "token is not valid before \(notBefore), now is \(now)")
        }
    }
}
