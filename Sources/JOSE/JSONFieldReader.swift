/// A forward-only reader for JSON objects of a known shape, for callers that read typed fields
/// straight from the bytes instead of building a ``JSONValue`` tree (RFC 8259 §2–§7).
///
/// The reader accepts a strict subset of what ``StrictJSONParser`` accepts and yields the same
/// values for it: member names and strings must be plain ASCII without escapes, integers must fit
/// `Int64`. Every method returns `nil` or `false` when the input leaves that subset, for whatever
/// reason (a syntax error, an escape, a fraction, a byte order mark…); the caller then parses the
/// text again with ``StrictJSONParser``, which accepts or rejects it with its usual error. The
/// caller stays responsible for duplicate member names among the members it reads.
package struct JSONFieldReader {
    private var scanner: JSONScanner
    private let isWithinLimits: Bool

    /// A reader over `input`, with the limits of `parser`.
    package init(input: UnsafeBufferPointer<UInt8>, limits parser: StrictJSONParser) {
        scanner = JSONScanner(input: input, maximumDepth: parser.maximumDepth)
        isWithinLimits = input.count <= parser.maximumBytes
    }

    private var input: UnsafeBufferPointer<UInt8> { scanner.input }

    /// Consumes `{` (after leading whitespace) and the whitespace after it.
    package mutating func beginObject() -> Bool {
        guard isWithinLimits else { return false }
        scanner.skipWhitespace()
        guard scanner.index < input.count, input[scanner.index] == UInt8(ascii: "{") else { return false }
        scanner.index += 1
        scanner.skipWhitespace()
        return true
    }

    /// Consumes `}` right after ``beginObject()``; false when the object has members.
    package mutating func endEmptyObject() -> Bool {
        guard scanner.index < input.count, input[scanner.index] == UInt8(ascii: "}") else { return false }
        scanner.index += 1
        return true
    }

    /// Reads a member name and the `:` after it; `nil` outside the subset.
    package mutating func name() -> UnsafeBufferPointer<UInt8>? {
        guard let name = asciiStringBytes() else { return nil }
        scanner.skipWhitespace()
        guard scanner.index < input.count, input[scanner.index] == UInt8(ascii: ":") else { return nil }
        scanner.index += 1
        scanner.skipWhitespace()
        return name
    }

    /// After a value: `true` and the `,` consumed when another element follows, `false` and the
    /// closing `}` or `]` consumed at the end, `nil` otherwise.
    package mutating func next(closing: UInt8) -> Bool? {
        scanner.skipWhitespace()
        guard scanner.index < input.count else { return nil }
        if input[scanner.index] == UInt8(ascii: ",") {
            scanner.index += 1
            scanner.skipWhitespace()
            return true
        }
        guard input[scanner.index] == closing else { return nil }
        scanner.index += 1
        return false
    }

    /// Consumes `[` and the whitespace after it; `false` (nothing consumed) for any other value.
    package mutating func beginArray() -> Bool {
        guard scanner.index < input.count, input[scanner.index] == UInt8(ascii: "[") else { return false }
        scanner.index += 1
        scanner.skipWhitespace()
        return true
    }

    /// Consumes `]` right after ``beginArray()``; false when the array has elements.
    package mutating func endEmptyArray() -> Bool {
        guard scanner.index < input.count, input[scanner.index] == UInt8(ascii: "]") else { return false }
        scanner.index += 1
        return true
    }

    /// A string of printable ASCII without escapes; `nil` for anything else.
    package mutating func string() -> String? {
        asciiStringBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// An integer that fits `Int64` (RFC 8259 §6, no fraction or exponent); `nil` for anything else.
    package mutating func integer() -> Int64? {
        guard scanner.index < input.count else { return nil }
        let first = input[scanner.index]
        guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return nil }
        guard case .integer(let value)? = try? scanner.parseNumber() else { return nil }
        return value
    }

    /// Any value, parsed by the strict parser's own rules at nesting `depth` (a member of the
    /// top-level object is at depth 1); `nil` when it is malformed.
    package mutating func value(depth: Int) -> JSONValue? {
        try? scanner.parseValue(depth: depth)
    }

    /// Whether only whitespace is left.
    package mutating func isAtEnd() -> Bool {
        scanner.skipWhitespace()
        return scanner.index == input.count
    }

    private mutating func asciiStringBytes() -> UnsafeBufferPointer<UInt8>? {
        guard scanner.index < input.count, input[scanner.index] == UInt8(ascii: "\"") else { return nil }
        let start = scanner.index + 1
        var index = start
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                scanner.index = index + 1
                return UnsafeBufferPointer(rebasing: input[start..<index])
            }
            // Escapes, control characters and non-ASCII text take the full parser's path.
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }
}
