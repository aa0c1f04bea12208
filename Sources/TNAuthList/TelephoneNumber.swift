/// A telephone number in canonical form.
///
/// ASN.1 (RFC 8226 §9, module TN-Module-2016):
/// ```
/// TelephoneNumber ::= IA5String (SIZE (1..15)) (FROM ("0123456789#*"))
/// ```
/// The canonical form holds only the ASCII characters `0-9`, `*` and `#`, never a `+` or separators
/// (RFC 8224 §8.3). Use ``canonicalizing(_:)`` to turn user input such as `+1-(215)-555-1212` into
/// this form.
public struct TelephoneNumber: Hashable, Sendable {
    /// The maximum number of characters in a telephone number (RFC 8226 §9, E.164 §6).
    public static let maximumLength = 15

    /// The canonical characters: ASCII `0-9`, `*` and `#`, 1 to 15 of them.
    public let digits: String

    /// Validates an already canonical telephone number.
    ///
    /// The check works on UTF-8 bytes, so non-ASCII digits (Arabic-Indic, fullwidth, ...) are rejected.
    ///
    /// - Parameter canonical: ASCII `0-9 * #` only, 1 to 15 characters.
    /// - Throws: ``TNAuthListError`` with code `emptyNumber`, `numberTooLong` or `invalidCharacter`.
    public init(_ canonical: String) throws(TNAuthListError) {
        try Self.validate(canonical.utf8)
        self.digits = canonical
    }

    /// Creates a number from its numeric value, zero-padded on the left to `length` digits.
    ///
    /// - Parameters:
    ///   - value: The numeric value, below `10^length`.
    ///   - length: The number of digits, 1 to 15.
    /// - Throws: ``TNAuthListError`` with code `numberTooLong` if the value or length does not fit.
    public init(value: UInt64, length: Int) throws(TNAuthListError) {
        guard length >= 1, length <= Self.maximumLength else {
            throw TNAuthListError(.numberTooLong, "a telephone number has 1 to 15 digits, not \(length)")
        }
        guard value < Self.powerOfTen(length) else {
            throw TNAuthListError(.numberTooLong, "\(value) does not fit in \(length) digits")
        }
        let plain = String(value)
        self.digits = String(repeating: "0", count: length - plain.utf8.count) + plain
    }

    /// Whether the number holds only the digits `0-9` (no `*` or `#`).
    public var isAllDigits: Bool {
        digits.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The number of characters, 1 to 15.
    public var length: Int {
        digits.utf8.count
    }

    /// The numeric value when ``isAllDigits`` holds, otherwise `nil`.
    ///
    /// Leading zeros are significant in a telephone number, so compare ``length`` as well.
    public var numericValue: UInt64? {
        var value: UInt64 = 0
        for byte in digits.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `10^exponent` for 0 through 15.
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent {
            result *= 10
        }
        return result
    }

    /// Checks the canonical alphabet and length on raw bytes.
    static func validate(_ bytes: some Collection<UInt8>) throws(TNAuthListError) {
        guard !bytes.isEmpty else {
            throw TNAuthListError(.emptyNumber, "a telephone number must hold at least one character")
        }
        guard bytes.count <= maximumLength else {
            throw TNAuthListError(.numberTooLong, "a telephone number has at most 15 characters, not \(bytes.count)")
        }
        for byte in bytes where !isCanonical(byte) {
            throw TNAuthListError(
                .invalidCharacter,
                "byte 0x\(String(byte, radix: 16)) is not one of the ASCII characters 0-9 * #"
            )
        }
    }

    /// Whether the byte is ASCII `0-9`, `*` or `#`.
    static func isCanonical(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "*")
            || byte == UInt8(ascii: "#")
    }
}

extension TelephoneNumber: Comparable {
    /// Orders shorter numbers first, then by ASCII byte order, which is numeric order for all-digit
    /// numbers of equal length.
    public static func < (lhs: TelephoneNumber, rhs: TelephoneNumber) -> Bool {
        if lhs.length != rhs.length {
            return lhs.length < rhs.length
        }
        return lhs.digits.utf8.lexicographicallyPrecedes(rhs.digits.utf8)
    }
}

extension TelephoneNumber: CustomStringConvertible {
    /// The canonical digits.
    public var description: String {
        digits
    }
}
