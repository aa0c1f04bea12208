/// The single error type of the AuthorityToken module.
///
/// Every failure carries a stable ``Code`` and a human-readable ``reason``; two errors are equal when
/// their codes are equal. Codes follow the checks of RFC 9447 §4–§6 and RFC 9448 §5–§6.
public struct AuthorityTokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier for a class of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformedToken, tooLarge, duplicateKey, unsupportedAlgorithm, unsupportedType
            case forbiddenHeader, unknownCritical, missingHeaderParameter, invalidHeaderParameter
            case missingClaim, invalidClaim, unsupportedTokenType, invalidTokenValue, invalidFingerprint
            case signatureInvalid, signingFailed, expired, notYetValid
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// Not a compact JWS, not base64url, not JSON, or a five-segment JWE (RFC 7515 §7.1).
        public static let malformedToken = Code(.malformedToken)
        /// The token exceeds the configured size limit.
        public static let tooLarge = Code(.tooLarge)
        /// A JSON member name is repeated (RFC 7515 §5.2).
        public static let duplicateKey = Code(.duplicateKey)
        /// `alg` is not `ES256`, the only algorithm SHAKEN SPC tokens use (ATIS-1000080 §6.3.5.2).
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// `typ` is present and not `JWT` (RFC 7519 §5.1).
        public static let unsupportedType = Code(.unsupportedType)
        /// The header embeds a key or key location other than `x5u` (`jwk`, `jku`, `x5c`).
        public static let forbiddenHeader = Code(.forbiddenHeader)
        /// A `crit` header parameter is present; no extension is understood (RFC 7515 §4.1.11).
        public static let unknownCritical = Code(.unknownCritical)
        /// `alg` or `x5u` is absent (RFC 9447 §4, ATIS-1000080 §6.3.5.2).
        public static let missingHeaderParameter = Code(.missingHeaderParameter)
        /// A header parameter has the wrong JSON type or an invalid value (e.g. a non-https `x5u`).
        public static let invalidHeaderParameter = Code(.invalidHeaderParameter)
        /// A required claim (`iss`, `exp`, `jti`, `atc` and its members) is absent (RFC 9447 §4, RFC 9448 §5).
        public static let missingClaim = Code(.missingClaim)
        /// A claim has the wrong JSON type or an invalid value.
        public static let invalidClaim = Code(.invalidClaim)
        /// `atc.tktype` is not `TNAuthList` (RFC 9448 §5).
        public static let unsupportedTokenType = Code(.unsupportedTokenType)
        /// `atc.tkvalue` is not base64 of a DER TNAuthorizationList (RFC 9448 §5).
        public static let invalidTokenValue = Code(.invalidTokenValue)
        /// `atc.fingerprint` is not `SHA256 <hex>` of 32 bytes nor a base64url thumbprint (RFC 9448 §5).
        public static let invalidFingerprint = Code(.invalidFingerprint)
        /// The ES256 signature is malformed or does not verify (RFC 7515 §5.2).
        public static let signatureInvalid = Code(.signatureInvalid)
        /// The signing primitive failed.
        public static let signingFailed = Code(.signingFailed)
        /// `exp` has passed (RFC 7519 §4.1.4).
        public static let expired = Code(.expired)
        /// `nbf` is still in the future (RFC 7519 §4.1.5).
        public static let notYetValid = Code(.notYetValid)

        /// The code's name, e.g. `missingClaim`.
        public var description: String { backing.rawValue }
    }

    /// The class of failure.
    public let code: Code
    /// What exactly was wrong.
    public let reason: String

    /// Creates an error with a code and a reason.
    public init(code: Code, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `AuthorityTokenError.<code>: <reason>`.
    public var description: String { "AuthorityTokenError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal; the reason is diagnostic text.
    public static func == (lhs: AuthorityTokenError, rhs: AuthorityTokenError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
