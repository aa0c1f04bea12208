import JOSE
import Testing

@Suite("StrictJSONParser")
struct StrictJSONParserTests {
    let parser = StrictJSONParser()

    @Test("Parses every JSON type and keeps integers exact")
    func parsesTypes() throws {
        let value = try parser.parse(string: #" { "a" : [1, -2, 9223372036854775807, -9223372036854775808, 1.5, 2e3, 9223372036854775808], "b":true,"c":false,"d":null,"e":"x\u00e9\ud83d\ude00\"\\\/\n" } "#)
        let object = try #require(value.objectValue)
        #expect(object.names == ["a", "b", "c", "d", "e"])
        #expect(object["a"] == .array([
            .integer(1), .integer(-2), .integer(.max), .integer(.min), .decimal("1.5"), .decimal("2e3"), .decimal("9223372036854775808"),
        ]))
        #expect(object["b"] == .bool(true))
        #expect(object["c"] == .bool(false))
        #expect(object["d"] == .null)
        #expect(object["e"] == .string("xé😀\"\\/\n"))
    }

    @Test("Accepts raw UTF-8 in strings")
    func rawUTF8() throws {
        #expect(try parser.parse(string: "\"日本\"") == .string("日本"))
    }

    @Test("Orders object members by code point, not insertion")
    func ordersMembers() throws {
        let object = try #require(try parser.parse(string: #"{"b":1,"a":2,"B":3,"é":4}"#).objectValue)
        #expect(object.names == ["B", "a", "b", "é"])
    }

    @Test("Accepts nesting exactly at the depth limit")
    func depthLimitInclusive() throws {
        let text = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        _ = try parser.parse(string: text)
    }

    @Test("Rejects input above the configured size")
    func sizeLimit() {
        let small = StrictJSONParser(maximumBytes: 8)
        #expect(throws: JOSEError(code: .tooLarge, reason: "")) { try small.parse(string: #"{"a":"bcd"}"#) }
    }

    /// Malformed inputs and the error code each must produce.
    static let corpus: [(String, [UInt8], JOSEError.Code)] = [
        ("duplicate top-level key", bytes(#"{"a":1,"a":2}"#), .duplicateKey),
        ("duplicate nested key", bytes(#"{"x":{"a":1,"b":2,"a":1}}"#), .duplicateKey),
        ("duplicate key in array element", bytes(#"[{"k":1,"k":1}]"#), .duplicateKey),
        ("duplicate key written with an escape", bytes(#"{"alg":1,"\u0061lg":2}"#), .duplicateKey),
        ("depth bomb", bytes(String(repeating: "[", count: 33) + String(repeating: "]", count: 33)), .nestingTooDeep),
        ("deep object bomb", bytes(String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40)), .nestingTooDeep),
        ("empty input", [], .malformedJSON),
        ("only whitespace", bytes("  \n"), .malformedJSON),
        ("leading BOM", [0xEF, 0xBB, 0xBF] + bytes("{}"), .malformedJSON),
        ("trailing garbage", bytes("{} x"), .malformedJSON),
        ("two values", bytes("{}{}"), .malformedJSON),
        ("trailing comma in object", bytes(#"{"a":1,}"#), .malformedJSON),
        ("trailing comma in array", bytes("[1,]"), .malformedJSON),
        ("single quotes", bytes("{'a':1}"), .malformedJSON),
        ("unquoted key", bytes("{a:1}"), .malformedJSON),
        ("missing colon", bytes(#"{"a" 1}"#), .malformedJSON),
        ("unterminated string", bytes(#""abc"#), .malformedJSON),
        ("unterminated object", bytes(#"{"a":1"#), .malformedJSON),
        ("bad escape", bytes(#""\x41""#), .malformedJSON),
        ("truncated unicode escape", bytes(#""\u12""#), .malformedJSON),
        ("non-hex unicode escape", bytes(#""\u12G4""#), .malformedJSON),
        ("lone high surrogate", bytes(#""\ud800""#), .malformedJSON),
        ("lone high surrogate before text", bytes(#""\ud800abcdef""#), .malformedJSON),
        ("lone low surrogate", bytes(#""\udc00""#), .malformedJSON),
        ("high surrogate then non-surrogate escape", bytes(#""\ud800\u0041""#), .malformedJSON),
        ("raw control character", bytes("\"a\u{1}b\""), .malformedJSON),
        ("raw newline in string", bytes("\"a\nb\""), .malformedJSON),
        ("invalid UTF-8 byte", [0x22, 0xFF, 0x22], .malformedJSON),
        ("overlong UTF-8", [0x22, 0xC0, 0xAF, 0x22], .malformedJSON),
        ("UTF-8 surrogate code point", [0x22, 0xED, 0xA0, 0x80, 0x22], .malformedJSON),
        ("truncated UTF-8", [0x22, 0xE2, 0x82, 0x22], .malformedJSON),
        ("leading zero", bytes("01"), .malformedJSON),
        ("negative leading zero", bytes("-01"), .malformedJSON),
        ("plus sign", bytes("+1"), .malformedJSON),
        ("bare minus", bytes("-"), .malformedJSON),
        ("leading dot", bytes(".5"), .malformedJSON),
        ("trailing dot", bytes("1."), .malformedJSON),
        ("empty exponent", bytes("1e"), .malformedJSON),
        ("exponent sign only", bytes("1e+"), .malformedJSON),
        ("hex number", bytes("0x10"), .malformedJSON),
        ("NaN", bytes("NaN"), .malformedJSON),
        ("Infinity", bytes("Infinity"), .malformedJSON),
        ("truncated literal", bytes("tru"), .malformedJSON),
        ("capitalised literal", bytes("True"), .malformedJSON),
        ("comment", bytes("{} // c"), .malformedJSON),
        ("vertical tab whitespace", bytes("\u{0B}{}"), .malformedJSON),
        ("NUL after value", bytes("{}\u{0}"), .malformedJSON),
    ]

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("Rejects the malformed-JSON corpus with the expected code", arguments: corpus)
    func rejectsCorpus(name: String, input: [UInt8], code: JOSEError.Code) {
        #expect(throws: JOSEError(code: code, reason: name)) { try parser.parse(input) }
    }

    @Test("Decodes escaped names before comparing, and allows distinct names")
    func escapedNames() throws {
        let object = try #require(try parser.parse(string: #"{"a\/b":1,"a/c":2}"#).objectValue)
        #expect(object["a/b"] == .integer(1))
        #expect(object["a/c"] == .integer(2))
    }

    @Test("JSONObject construction rejects duplicate names")
    func objectInitRejectsDuplicates() {
        #expect(throws: JOSEError(code: .duplicateKey, reason: "")) {
            try JSONObject([.init("k", .null), .init("k", .integer(1))])
        }
    }
}
