/// The error thrown by every parser and validator in the TNAuthList module.
///
/// Equality and hashing look only at ``code`` so callers and tests can compare errors directly;
/// ``reason`` carries a human-readable explanation for logs.
public struct TNAuthListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public let code: Code

    /// A human-readable explanation of the failure.
    public let reason: String

    /// Creates an error with the given code and explanation.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: A human-readable explanation.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Equality on ``code`` only.
    public static func == (lhs: TNAuthListError, rhs: TNAuthListError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes ``code`` only, consistent with equality.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// `TNAuthListError.<code>: <reason>`.
    public var description: String {
        "TNAuthListError.\(code): \(reason)"
    }
}

extension TNAuthListError {
    /// The kind of a ``TNAuthListError``. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidCharacter
            case emptyNumber
            case numberTooLong
            case invalidRange
            case rangeSpillsDigitLength
            case invalidServiceProviderCode
            case malformedDER
            case implicitTag
            case unknownEntryTag
            case unexpectedStringType
            case emptyList
            case invalidBase64
            case unexpectedExtension
            case invalidURI
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// A telephone number holds a character outside ASCII `0-9 * #` (RFC 8226 §9, RFC 8224 §8.3).
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A telephone number is empty (RFC 8226 §9: SIZE (1..15)).
        public static let emptyNumber = Code(.emptyNumber)
        /// A telephone number is longer than 15 characters (RFC 8226 §9: SIZE (1..15)).
        public static let numberTooLong = Code(.numberTooLong)
        /// A range has a count below 2, a negative or oversized count, or a start with `*`/`#` (RFC 8226 §9).
        public static let invalidRange = Code(.invalidRange)
        /// A range's `start + count` exceeds `10^D` for a D-digit start (RFC 8226 §9).
        public static let rangeSpillsDigitLength = Code(.rangeSpillsDigitLength)
        /// A service provider code is empty or holds a non-printable or non-ASCII character (RFC 8226 §9).
        public static let invalidServiceProviderCode = Code(.invalidServiceProviderCode)
        /// The bytes are not valid DER for the expected ASN.1 structure (X.690).
        public static let malformedDER = Code(.malformedDER)
        /// A TNEntry uses an implicit context tag where the module requires an explicit one (RFC 8226 Appendix A).
        public static let implicitTag = Code(.implicitTag)
        /// A TNEntry has a tag other than `[0]`, `[1]` or `[2]` (RFC 8226 §9).
        public static let unknownEntryTag = Code(.unknownEntryTag)
        /// A string is encoded with a type other than IA5String (RFC 8226 §9).
        public static let unexpectedStringType = Code(.unexpectedStringType)
        /// A TNAuthorizationList holds no entries (RFC 8226 §9: SIZE (1..MAX)).
        public static let emptyList = Code(.emptyList)
        /// A base64 or base64url text is malformed (RFC 4648 §4, §5).
        public static let invalidBase64 = Code(.invalidBase64)
        /// A certificate extension has an OID other than id-pe-TNAuthList (RFC 8226 §9).
        public static let unexpectedExtension = Code(.unexpectedExtension)
        /// A URI is not a `tel:` URI or a `sip:`/`sips:` URI with `user=phone` (RFC 3966, RFC 3261 §19.1.1).
        public static let invalidURI = Code(.invalidURI)

        /// The code's name, e.g. `invalidRange`.
        public var description: String {
            backing.rawValue
        }
    }
}
