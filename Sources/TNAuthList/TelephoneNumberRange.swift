/// A block of consecutive telephone numbers of one digit length.
///
/// ASN.1 (RFC 8226 §9):
/// ```
/// TelephoneNumberRange ::= SEQUENCE {
///   start TelephoneNumber,
///   count INTEGER (2..MAX),
///   ... }
/// ```
/// Rules (RFC 8226 §9): `count` is at least 2; `start` holds digits only; with D the length of `start`,
/// `start + count ≤ 10^D`, so the range never spills into numbers of another length (the RFC's example
/// start `10`, count `91` is invalid). The range covers `start` through ``last``.
///
/// Elements after `count` (the extension marker `...`) are kept verbatim in ``extensionElements`` so
/// a decoded range re-encodes to the same bytes; they carry no meaning for ``contains(_:)``.
public struct TelephoneNumberRange: Hashable, Sendable {
    /// The first number of the range; all digits.
    public let start: TelephoneNumber

    /// The number of telephone numbers in the range, at least 2.
    public let count: Int

    /// The DER encoding of each element that followed `count` in a decoded range, in order.
    /// Empty for ranges built in code. Part of equality, since it is part of the encoding.
    public let extensionElements: [[UInt8]]

    /// The numeric value of ``start``.
    let lowerBound: UInt64

    /// Validates a range.
    ///
    /// - Parameters:
    ///   - start: The first number; digits only.
    ///   - count: How many numbers, at least 2.
    /// - Throws: ``TNAuthListError`` with code `invalidRange` or `rangeSpillsDigitLength`.
    public init(start: TelephoneNumber, count: Int) throws(TNAuthListError) {
        try self.init(start: start, count: count, extensionElements: [])
    }

    /// Validates a range that carries extension elements after `count`.
    init(start: TelephoneNumber, count: Int, extensionElements: [[UInt8]]) throws(TNAuthListError) {
        guard let lowerBound = start.numericValue else {
            throw TNAuthListError(.invalidRange, "range start '\(start)' must hold digits only, not '*' or '#'")
        }
        guard count >= 2 else {
            throw TNAuthListError(.invalidRange, "range count must be at least 2, not \(count)")
        }
        let limit = TelephoneNumber.powerOfTen(start.length)
        guard UInt64(count) <= limit - lowerBound else {
            throw TNAuthListError(
                .rangeSpillsDigitLength,
                "range start \(start) count \(count) runs past the last \(start.length)-digit number"
            )
        }
        self.start = start
        self.count = count
        self.extensionElements = extensionElements
        self.lowerBound = lowerBound
    }

    /// The numeric value of the last number in the range.
    var upperBound: UInt64 {
        lowerBound + UInt64(count) - 1
    }

    /// The last number of the range, of the same length as ``start``.
    public var last: TelephoneNumber {
        TelephoneNumber(validatedBytes: Array(Self.paddedDigits(upperBound, length: start.length).utf8))
    }

    /// Whether `tn` lies in the range: same length as ``start``, all digits, `start ≤ tn ≤ last`.
    public func contains(_ tn: TelephoneNumber) -> Bool {
        guard tn.length == start.length, let value = tn.numericValue else { return false }
        return value >= lowerBound && value <= upperBound
    }

    /// `value` as a decimal string, zero-padded on the left to `length` characters.
    static func paddedDigits(_ value: UInt64, length: Int) -> String {
        let plain = String(value)
        return String(repeating: "0", count: max(0, length - plain.utf8.count)) + plain
    }
}

extension TelephoneNumberRange {
    /// Wraps values that already satisfy the range rules (built from a normalised scope).
    init(validatedStart start: TelephoneNumber, lowerBound: UInt64, count: Int) {
        self.start = start
        self.count = count
        self.extensionElements = []
        self.lowerBound = lowerBound
    }
}
