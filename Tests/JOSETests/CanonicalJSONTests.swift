import JOSE
import Testing

@Suite("CanonicalJSON")
struct CanonicalJSONTests {
    func canonical(_ text: String) throws -> String {
        String(decoding: CanonicalJSON.encode(try StrictJSONParser().parse(string: text)), as: UTF8.self)
    }

    @Test("Sorts members by code point at every depth and removes whitespace")
    func sortsAndStrips() throws {
        #expect(try canonical(#"{ "orig": {"tn":"1"}, "dest": { "uri":["b"], "tn":["2"] }, "iat": 5 }"#)
            == #"{"dest":{"tn":["2"],"uri":["b"]},"iat":5,"orig":{"tn":"1"}}"#)
    }

    @Test("Orders names by code point: uppercase before lowercase, ASCII before non-ASCII")
    func codePointOrder() throws {
        #expect(try canonical(#"{"é":1,"b":2,"B":3,"a":4,"\ud83d\ude00":5,"\uffff":6}"#)
            == "{\"B\":3,\"a\":4,\"b\":2,\"é\":1,\"\u{FFFF}\":6,\"😀\":5}")
    }

    @Test("Does not escape '/' or non-ASCII and uses short escapes")
    func minimalEscaping() throws {
        #expect(try canonical(#"{"x5u":"https:\/\/a.example\/p.cer","n":"é\t\"\\\u0001"}"#)
            == #"{"n":"é\t\"\\\u0001","x5u":"https://a.example/p.cer"}"#)
    }

    @Test("Writes integers without exponent or padding", arguments: [
        (Int64(0), "0"), (1_471_375_418, "1471375418"), (-5, "-5"), (.max, "9223372036854775807"), (.min, "-9223372036854775808"),
    ])
    func integers(value: Int64, text: String) {
        #expect(CanonicalJSON.encode(.integer(value)) == Array(text.utf8))
    }

    @Test("Reproduces the RFC 8225 Appendix A payload byte for byte")
    func rfc8225Payload() throws {
        let expected = #"{"dest":{"uri":["sip:alice@example.com"]},"iat":1471375418,"orig":{"tn":"12155551212"}}"#
        #expect(try canonical(#"{"orig":{"tn":"12155551212"},"iat":1471375418,"dest":{"uri":["sip:alice@example.com"]}}"#) == expected)
        #expect(try CanonicalJSON.isCanonical(Array(expected.utf8)))
        #expect(try !CanonicalJSON.isCanonical(Array(#"{"iat":1,"dest":2}"#.utf8)))
    }

    @Test("Writer inserts separators for nested containers")
    func writerSeparators() {
        var writer = CanonicalJSONWriter()
        writer.beginObject()
        writer.name("a")
        writer.beginArray()
        writer.integer(1)
        writer.beginObject()
        writer.endObject()
        writer.string("s")
        writer.endArray()
        writer.name("b")
        writer.value(.null)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[1,{},"s"],"b":null}"#)
    }
}
