/// Lexical scanning of Identity header field values (RFC 8224 §4.1, RFC 3261 §25.1).
struct IdentityHeaderScanner {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    /// RFC 3261 `token` characters: alphanumerics and `-.!%*_+`'~`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Splits a header value at commas that are outside `<…>` and quoted strings.
    static func splitAtTopLevelCommas(_ value: [UInt8]) throws(PASSporTError) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var inAngle = false
        var inQuote = false
        var escaped = false
        for (position, byte) in value.enumerated() {
            if inQuote {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inQuote = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inQuote = true
            case UInt8(ascii: "<"): inAngle = true
            case UInt8(ascii: ">"): inAngle = false
            case UInt8(ascii: ",") where !inAngle:
                pieces.append(value[start..<position])
                start = position + 1
            default: break
            }
        }
        guard !inQuote, !inAngle else { throw IdentityHeader.malformed("unterminated quoted string or <URI>") }
        pieces.append(value[start...])
        return pieces
    }

    private mutating func skipWhitespace() {
        while index < bytes.endIndex, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    /// The bytes of a signed identity digest: the base64url alphabet and `.`, by byte value.
    private static let digestByteTable: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Reads the signed identity digest: base64url characters and dots.
    mutating func readSignedDigest() throws(PASSporTError) -> String {
        skipWhitespace()
        let start = index
        let base = bytes.startIndex
        // The digest is most of the header value: scan it over raw storage with a table lookup
        // and a local cursor.
        index = bytes.withUnsafeBufferPointer { buffer in
            Self.digestByteTable.withUnsafeBufferPointer { table in
                var position = start - base
                while position < buffer.count, table[Int(buffer[position])] { position += 1 }
                return position + base
            }
        }
        guard index > start else { throw IdentityHeader.malformed("missing signed identity digest") }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        skipWhitespace()
        guard index == bytes.endIndex || bytes[index] == UInt8(ascii: ";") else {
            throw IdentityHeader.malformed("unexpected character after the signed identity digest")
        }
        return token
    }

    /// Reads `; name [= value]`, or returns `nil` at the end of input.
    mutating func readParameter() throws(PASSporTError) -> (name: String, value: String?)? {
        skipWhitespace()
        guard index < bytes.endIndex else { return nil }
        guard bytes[index] == UInt8(ascii: ";") else { throw IdentityHeader.malformed("expected ';' before a parameter") }
        index += 1
        skipWhitespace()
        let name = readToken().lowercased()
        guard !name.isEmpty else { throw IdentityHeader.malformed("empty parameter name") }
        skipWhitespace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "=") else { return (name, nil) }
        index += 1
        skipWhitespace()
        guard index < bytes.endIndex else { throw IdentityHeader.malformed("parameter \(name) has no value") }
        let value: String
        switch bytes[index] {
        case UInt8(ascii: "<"): value = try readAngleBracketed()
        case UInt8(ascii: "\""): value = try readQuoted()
        default: value = readToken()
        }
        guard !value.isEmpty else { throw IdentityHeader.malformed("parameter \(name) has an empty value") }
        return (name, value)
    }

    private mutating func readToken() -> String {
        let start = index
        while index < bytes.endIndex, Self.isTokenByte(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readAngleBracketed() throws(PASSporTError) -> String {
        index += 1
        let start = index
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: ">") {
            guard bytes[index] > 0x20, bytes[index] < 0x7F, bytes[index] != UInt8(ascii: "<") else {
                throw IdentityHeader.malformed("invalid character inside <URI>")
            }
            index += 1
        }
        guard index < bytes.endIndex else { throw IdentityHeader.malformed("unterminated <URI>") }
        let uri = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return uri
    }

    /// Reads a quoted string (RFC 3261 §25.1); a quoted `<URI>` is unwrapped.
    private mutating func readQuoted() throws(PASSporTError) -> String {
        index += 1
        var content: [UInt8] = []
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                if content.first == UInt8(ascii: "<"), content.last == UInt8(ascii: ">"), content.count >= 2 {
                    content = Array(content.dropFirst().dropLast())
                }
                guard let text = String(validating: content, as: UTF8.self) else {
                    throw IdentityHeader.malformed("quoted string is not valid UTF-8")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") {
                guard index < bytes.endIndex else { break }
                content.append(bytes[index])
                index += 1
            } else {
                content.append(byte)
            }
        }
        throw IdentityHeader.malformed("unterminated quoted string")
    }
}
