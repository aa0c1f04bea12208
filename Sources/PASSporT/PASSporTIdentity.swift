/// One identity in an `orig` or `div` claim: a telephone number or a URI (RFC 8225 §5.2.1, RFC 8946 §3).
///
/// Wire form: `{"tn":"12155551212"}` or `{"uri":"sip:alice@example.com"}`, with exactly one member.
public struct PASSporTIdentity: Hashable, Sendable {
    /// Which identity form this is.
    public enum Kind: String, Hashable, Sendable {
        /// A canonical telephone number, member `tn`.
        case telephoneNumber = "tn"
        /// A URI, member `uri`.
        case uri
    }

    /// The identity form.
    public let kind: Kind
    /// The canonical telephone number or the URI text.
    public let value: String

    private init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// A telephone-number identity in canonical form (RFC 8224 §8.3).
    ///
    /// - Throws: ``PASSporTError/Code/invalidTelephoneNumber`` unless `number` is 1–15 ASCII
    ///   characters from `0-9`, `*`, `#` (no `+`, no separators, no non-ASCII digits).
    public static func telephoneNumber(_ number: String) throws(PASSporTError) -> PASSporTIdentity {
        try validateTelephoneNumber(number)
        return PASSporTIdentity(kind: .telephoneNumber, value: number)
    }

    /// A URI identity (RFC 8225 §5.2.1).
    ///
    /// - Throws: ``PASSporTError/Code/invalidClaim`` for an empty URI or one containing
    ///   whitespace, control or non-ASCII characters (RFC 3986 §2).
    public static func uri(_ uri: String) throws(PASSporTError) -> PASSporTIdentity {
        try validateURI(uri)
        return PASSporTIdentity(kind: .uri, value: uri)
    }

    /// Checks the canonical telephone-number syntax of RFC 8224 §8.3: ASCII `0-9*#`, 1–15 characters.
    static func validateTelephoneNumber(_ number: String) throws(PASSporTError) {
        let utf8 = number.utf8
        guard (1...15).contains(utf8.count) else {
            throw PASSporTError(code: .invalidTelephoneNumber, reason: "telephone number must have 1 to 15 characters")
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "#"): continue
            default:
                throw PASSporTError(
                    code: .invalidTelephoneNumber,
                    reason: "telephone number \"\(number)\" is not canonical: only ASCII 0-9, * and # are allowed"
                )
            }
        }
    }

    /// Checks that a URI is non-empty printable ASCII without spaces (RFC 3986 §2).
    static func validateURI(_ uri: String) throws(PASSporTError) {
        guard !uri.isEmpty, uri.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw PASSporTError(code: .invalidClaim, reason: "URI identity must be non-empty printable ASCII without spaces")
        }
    }
}
