/// The single error type of the JOSE module.
///
/// Every failure carries a stable ``Code`` and a human-readable ``reason``. Two errors are equal
/// when their codes are equal, so tests and callers match on the code and log the reason.
/// Codes follow the failure classes of RFC 7515 (JWS), RFC 4648 §5 (base64url) and RFC 8259 (JSON).
public struct JOSEError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier for a class of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformedBase64URL
            case malformedJSON
            case duplicateKey
            case nestingTooDeep
            case tooLarge
            case malformedJWS
            case unsupportedAlgorithm
            case signatureInvalid
            case signingFailed
            case malformedKey
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// Input is not strict unpadded base64url (RFC 7515 §2, RFC 4648 §5).
        public static let malformedBase64URL = Code(.malformedBase64URL)
        /// Input is not well-formed JSON text (RFC 8259), or is not valid UTF-8.
        public static let malformedJSON = Code(.malformedJSON)
        /// A JSON object repeats a member name (RFC 7515 §5.2 requires rejection).
        public static let duplicateKey = Code(.duplicateKey)
        /// JSON arrays or objects are nested deeper than the parser's limit.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// Input exceeds a configured size limit.
        public static let tooLarge = Code(.tooLarge)
        /// A compact JWS does not have the RFC 7515 §7.1 shape.
        public static let malformedJWS = Code(.malformedJWS)
        /// An algorithm other than the one the verifier pins (RFC 7518 §3.1).
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// The signature is malformed or does not verify (RFC 7518 §3.4).
        public static let signatureInvalid = Code(.signatureInvalid)
        /// The signing primitive reported a failure.
        public static let signingFailed = Code(.signingFailed)
        /// A JSON Web Key is malformed or not a supported key (RFC 7517 §4, RFC 7518 §6.2).
        public static let malformedKey = Code(.malformedKey)

        /// The code's name, e.g. `malformedJSON`.
        public var description: String { backing.rawValue }
    }

    /// The class of failure.
    public let code: Code
    /// What exactly was wrong, for logs and diagnostics.
    public let reason: String

    /// Creates an error with a code and a reason.
    public init(code: Code, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `JOSEError.<code>: <reason>`.
    public var description: String { "JOSEError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal; the reason is diagnostic text.
    public static func == (lhs: JOSEError, rhs: JOSEError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
