import JOSE
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    /// RFC 4648 §10 test vectors, in the URL-safe alphabet without padding.
    static let rfc4648: [(String, String)] = [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ]

    @Test("Encodes the RFC 4648 §10 vectors without padding", arguments: rfc4648)
    func encodesRFC4648(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
    }

    @Test("Decodes the RFC 4648 §10 vectors", arguments: rfc4648)
    func decodesRFC4648(plain: String, encoded: String) throws {
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test("Uses '-' and '_' where standard base64 uses '+' and '/'")
    func urlSafeAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test("Round-trips every length from 0 to 64 bytes", arguments: 0...64)
    func roundTrips(length: Int) throws {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let text = Base64URL.encode(bytes)
        #expect(text.utf8.count == Base64URL.encodedLength(of: length))
        #expect(try Base64URL.decode(text) == bytes)
        #expect(try Base64URL.decode(bytes: Array(text.utf8)[...]) == bytes)
    }

    @Test("Appending encoder matches the String encoder")
    func appendingEncoder() {
        var output = Array("prefix.".utf8)
        Base64URL.encode([1, 2, 3, 4], appendingTo: &output)
        #expect(String(decoding: output, as: UTF8.self) == "prefix." + Base64URL.encode([1, 2, 3, 4]))
    }

    /// Malformed inputs: every one must be rejected with `malformedBase64URL`.
    static let malformed: [(String, String)] = [
        ("Zg==", "padding"),
        ("Zm8=", "padding"),
        ("Zg=", "padding"),
        ("+/+/", "standard alphabet"),
        ("Zm9v+g", "plus"),
        ("Zm9v/g", "slash"),
        ("Zm 9v", "space"),
        ("Zm9v\n", "newline"),
        ("\tZm9v", "tab"),
        ("Z", "length 1 mod 4"),
        ("Zm9vY", "length 5"),
        ("Zh", "non-zero trailing bits in one-byte tail"),
        ("Zm9", "non-zero trailing bits in two-byte tail"),
        ("Zm9vYmF", "non-zero trailing bits after full group"),
        ("Zm9v.", "dot"),
        ("Zm9vé", "non-ASCII"),
        ("Zm\u{0}v", "NUL"),
    ]

    @Test("Rejects non-canonical or non-base64url input", arguments: malformed)
    func rejectsMalformed(input: String, why: String) {
        #expect(throws: JOSEError(code: .malformedBase64URL, reason: why)) { try Base64URL.decode(input) }
    }

    @Test("Error reason names padding, standard characters and whitespace")
    func reasons() {
        func reason(_ input: String) -> String {
            do {
                _ = try Base64URL.decode(input)
                return ""
            } catch {
                return error.reason
            }
        }
        #expect(reason("Zg==").contains("padding"))
        #expect(reason("ab+c").contains("standard base64"))
        #expect(reason("ab c").contains("whitespace"))
    }
}
