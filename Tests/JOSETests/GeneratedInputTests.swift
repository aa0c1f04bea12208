import JOSE
import Testing

/// Seeded generated inputs: the parsers must return or throw, never trap, and must agree with
/// their own encoders.
@Suite("Generated inputs")
struct GeneratedInputTests {
    static let seed: [UInt8] = Array(#"{"attest":"A","dest":{"tn":["12125551213"]},"iat":1443208345,"orig":{"tn":"12155551212"},"x":[1.5,-2,true,null,"\u00e9\n"]}"#.utf8)

    @Test("Mutated JSON either parses to a canonical fixed point or throws a JOSEError")
    func mutatedJSON() {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        let parser = StrictJSONParser()
        var parsed = 0
        for _ in 0..<5_000 {
            var bytes = Self.seed
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: position)
                default: bytes.insert(Array(#"{}[]",:\0e-"#.utf8).randomElement(using: &generator) ?? 0, at: position)
                }
                if bytes.isEmpty { break }
            }
            do {
                let value = try parser.parse(bytes)
                let canonical = CanonicalJSON.encode(value)
                #expect(try parser.parse(canonical) == value)
                #expect(CanonicalJSON.encode(try parser.parse(canonical)) == canonical)
                parsed += 1
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
        #expect(parsed > 0)
    }

    @Test("Random bytes never decode as base64url unless they re-encode identically")
    func base64URLRoundTrip() {
        var generator = SeededGenerator(seed: 0x5EED_0002)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .".utf8)
        for _ in 0..<5_000 {
            let text = String(decoding: (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? 0
            }, as: UTF8.self)
            if let bytes = try? Base64URL.decode(text) {
                #expect(Base64URL.encode(bytes) == text, "accepted non-canonical \(text)")
            }
        }
    }
}
