import Crypto
import PASSporT
import Testing

/// Seeded mutations of real tokens and header values: parsing must return or throw a
/// PASSporTError, never trap, and a mutated token must never verify.
@Suite("Generated PASSporT inputs")
struct GeneratedPASSporTInputTests {
    @Test("Mutated SHAKEN tokens never trap and never verify")
    func mutatedTokens() throws {
        let spec = try Vectors.spec()
        let key = try spec.publicKey()
        let original = Array(spec.shaken.token.utf8)
        var generator = SeededGenerator(seed: 0x5EED_0003)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".utf8)
        for _ in 0..<3_000 {
            var bytes = original
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            let replacement = alphabet.randomElement(using: &generator) ?? 0
            guard bytes[position] != replacement else { continue }
            bytes[position] = replacement
            do {
                let verified = try UnverifiedPASSporT(bytes: bytes).verifySignature(using: key)
                // Strict base64url leaves no second spelling of any segment, so nothing may verify.
                Issue.record("mutation at \(position) verified: \(verified.compact)")
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }

    @Test("Generated Identity header values never trap and re-parse from their formatted form")
    func generatedIdentityHeaders() throws {
        var generator = SeededGenerator(seed: 0x5EED_0004)
        let tokens = ["aGVhZA.cGF5bG9hZA.c2ln", "..c2ln", "aGVhZA..c2ln"]
        let pieces = [
            ";info=<https://a.example/x.cer>", ";alg=ES256", ";ppt=shaken", ";ppt=\"div\"", " ; x-y = 1", ";flag",
            ";info=\"<https://b.example/y,z>\"", ",", " ", ";", "=", "<", "\"", ";alg=ES384", ";q=\"a\\\"b\"",
        ]
        var accepted = 0
        for _ in 0..<5_000 {
            var text = tokens.randomElement(using: &generator) ?? ""
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                text += pieces.randomElement(using: &generator) ?? ""
            }
            guard let headers = try? IdentityHeader.parseAll([text]) else { continue }
            accepted += 1
            for header in headers {
                #expect(try IdentityHeader(parsing: header.formatted) == header, "\(text)")
            }
        }
        #expect(accepted > 100)
    }
}
