/// The recursive-descent scanner behind ``StrictJSONParser`` (RFC 8259 §2–§7).
struct JSONScanner {
    let input: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    var index = 0

    init(input: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.input = input
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JOSEError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == input.count else { throw failure("trailing data after the JSON value") }
        return value
    }

    func failure(_ reason: String) -> JOSEError {
        JOSEError(code: .malformedJSON, reason: "\(reason) at offset \(index)")
    }

    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JOSEError) -> JSONValue {
        guard index < input.count else { throw failure("unexpected end of input") }
        switch input[index] {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected byte 0x\(String(input[index], radix: 16))")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JOSEError) {
        let count = literal.utf8CodeUnitCount
        guard input.count - index >= count else { throw failure("truncated literal") }
        for offset in 0..<count where input[index + offset] != literal.utf8Start[offset] {
            throw failure("invalid literal")
        }
        index += count
    }

    private mutating func checkDepth(_ depth: Int) throws(JOSEError) {
        guard depth <= maximumDepth else {
            throw JOSEError(code: .nestingTooDeep, reason: "nesting deeper than \(maximumDepth) at offset \(index)")
        }
    }

    private mutating func parseObject(depth: Int) throws(JOSEError) -> JSONObject {
        try checkDepth(depth)
        index += 1
        skipWhitespace()
        var members: [JSONObject.Member] = []
        if index < input.count, input[index] == UInt8(ascii: "}") {
            index += 1
            return JSONObject()
        }
        while true {
            guard index < input.count, input[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let name = try parseString()
            // JOSE objects are small: one allocation instead of growing 1, 2, 4, 8.
            if members.isEmpty { members.reserveCapacity(8) }
            skipWhitespace()
            guard index < input.count, input[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONObject.Member(name, value))
            skipWhitespace()
            guard index < input.count else { throw failure("unterminated object") }
            if input[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if input[index] == UInt8(ascii: "}") {
                index += 1
                return try JSONObject(members)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JOSEError) -> [JSONValue] {
        try checkDepth(depth)
        index += 1
        skipWhitespace()
        var elements: [JSONValue] = []
        if index < input.count, input[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < input.count else { throw failure("unterminated array") }
            if input[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if input[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    /// Parses a string starting at its opening quote (RFC 8259 §7).
    private mutating func parseString() throws(JOSEError) -> String {
        index += 1
        let start = index
        var combined: UInt8 = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: input[start..<index])
                index += 1
                // Plain ASCII (every PASSporT member in practice) is valid UTF-8 as it stands;
                // only other text goes through full validation.
                if combined < 0x80 { return String(decoding: slice, as: UTF8.self) }
                return try validatedString(slice)
            }
            combined |= byte
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw failure("unescaped control character in string") }
            index += 1
        }
        throw failure("unterminated string")
    }

    private func validatedString(_ bytes: some Collection<UInt8>) throws(JOSEError) -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw failure("string is not valid UTF-8")
        }
        return string
    }

    private mutating func parseEscapedString(from start: Int) throws(JOSEError) -> String {
        var bytes = Array(input[start..<index])
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try validatedString(bytes)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < input.count else { throw failure("unterminated escape") }
                let escaped = input[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"): bytes.append(contentsOf: try parseUnicodeEscape())
                default: throw failure("invalid escape '\\\(Character(Unicode.Scalar(escaped)))'")
                }
            default:
                if byte < 0x20 { throw failure("unescaped control character in string") }
                bytes.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Parses the four hex digits after `\u`, and a following low surrogate escape when needed.
    private mutating func parseUnicodeEscape() throws(JOSEError) -> Unicode.UTF8.EncodedScalar {
        let first = try parseHex4()
        var scalarValue = UInt32(first)
        if (0xD800...0xDBFF).contains(first) {
            guard input.count - index >= 6, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u") else {
                throw failure("lone high surrogate")
            }
            index += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw failure("high surrogate not followed by a low surrogate") }
            scalarValue = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw failure("lone low surrogate")
        }
        guard let scalar = Unicode.Scalar(scalarValue), let encoded = Unicode.UTF8.encode(scalar) else {
            throw failure("invalid code point")
        }
        return encoded
    }

    private mutating func parseHex4() throws(JOSEError) -> UInt16 {
        guard input.count - index >= 4 else { throw failure("truncated \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = input[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }
}
