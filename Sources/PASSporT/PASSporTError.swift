/// The single error type of the PASSporT module.
///
/// Codes are chosen so that a verification service can map each one to a SIP response without
/// looking at the reason text (RFC 8224 §6.2.2, ATIS-1000074 §5.3.2): for example
/// ``Code/unsupportedAlgorithm`` and ``Code/unsupportedType`` → 437, ``Code/missingClaim`` and
/// ``Code/signatureInvalid`` → 438, ``Code/infoMismatch`` → 436. That mapping lives at the edge.
public struct PASSporTError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier for a class of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformedToken, compactFormNotAllowed, unsupportedAlgorithm, unsupportedType, unsupportedPPT
            case pptMismatch, forbiddenHeader, unknownCritical, duplicateKey, missingHeaderParameter
            case invalidHeaderParameter, missingClaim, invalidClaim, invalidTelephoneNumber, signatureInvalid
            case signingFailed, identityHeaderMalformed, infoMismatch
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// Not a compact JWS, not base64url, not JSON, or a five-segment JWE (RFC 7515 §7.1).
        public static let malformedToken = Code(.malformedToken)
        /// The compact form (RFC 8225 §7) where full form is required (RFC 8588 §6, ATIS-1000074).
        public static let compactFormNotAllowed = Code(.compactFormNotAllowed)
        /// `alg` is not `ES256` (RFC 8225 §3, RFC 8588 §6).
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// `typ` is not `passport` (RFC 8225 §4.1).
        public static let unsupportedType = Code(.unsupportedType)
        /// `ppt` names an extension this library does not support (RFC 8225 §8.1).
        public static let unsupportedPPT = Code(.unsupportedPPT)
        /// The Identity `ppt` parameter differs from the header `ppt` (RFC 8224 §4.1).
        public static let pptMismatch = Code(.pptMismatch)
        /// The header embeds a key or key location (`jwk`, `x5c`, `jku`); the key must come from `x5u`.
        public static let forbiddenHeader = Code(.forbiddenHeader)
        /// A `crit` header parameter is present; no extension is understood (RFC 7515 §4.1.11).
        public static let unknownCritical = Code(.unknownCritical)
        /// A JSON member name is repeated (RFC 7515 §5.2).
        public static let duplicateKey = Code(.duplicateKey)
        /// `alg`, `typ` or `x5u` is absent (RFC 8225 §4, RFC 8588 §6).
        public static let missingHeaderParameter = Code(.missingHeaderParameter)
        /// A header parameter has the wrong JSON type or an invalid value.
        public static let invalidHeaderParameter = Code(.invalidHeaderParameter)
        /// A claim required by the PASSporT type is absent (RFC 8225 §5, RFC 8588 §4).
        public static let missingClaim = Code(.missingClaim)
        /// A claim has the wrong JSON type or an invalid value.
        public static let invalidClaim = Code(.invalidClaim)
        /// A telephone number is not in canonical form (RFC 8224 §8.3: ASCII `0-9`, `*`, `#`).
        public static let invalidTelephoneNumber = Code(.invalidTelephoneNumber)
        /// The ES256 signature is malformed or does not verify (RFC 8225 §6).
        public static let signatureInvalid = Code(.signatureInvalid)
        /// The signing primitive failed.
        public static let signingFailed = Code(.signingFailed)
        /// An Identity header field value does not follow RFC 8224 §4.1.
        public static let identityHeaderMalformed = Code(.identityHeaderMalformed)
        /// The Identity `info` URI differs from the PASSporT `x5u` (RFC 8588 §6, ATIS-1000082).
        public static let infoMismatch = Code(.infoMismatch)

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

    /// `PASSporTError.<code>: <reason>`.
    public var description: String { "PASSporTError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal; the reason is diagnostic text.
    public static func == (lhs: PASSporTError, rhs: PASSporTError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
