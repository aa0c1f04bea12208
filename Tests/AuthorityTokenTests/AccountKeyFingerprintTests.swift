import AuthorityToken
import JOSE
import Testing

@Suite("Account key fingerprint (RFC 9448 §5)")
struct AccountKeyFingerprintTests {
    static let key = JSONWebKey(publicKey: Fixtures.key(2).publicKey)

    @Test("the text form is SHA256 and upper-case colon-separated hex of the RFC 7638 thumbprint")
    func textForm() {
        let fingerprint = AccountKeyFingerprint(accountKey: Self.key)
        let hex = Self.key.thumbprint().map { byte in
            let text = String(byte, radix: 16, uppercase: true)
            return text.count == 1 ? "0" + text : text
        }
        #expect(fingerprint.description == "SHA256 " + hex.joined(separator: ":"))
    }

    @Test("upper, lower, SHA-256 and base64url forms parse to the same fingerprint and match the key")
    func forms() throws {
        let fingerprint = AccountKeyFingerprint(accountKey: Self.key)
        let text = fingerprint.description
        let variants = [text, text.lowercased(), "SHA-256" + text.dropFirst(6), Self.key.thumbprintBase64URL()]
        for variant in variants {
            let parsed = try AccountKeyFingerprint(parsing: variant)
            #expect(parsed == fingerprint, "\(variant)")
            #expect(parsed.matches(Self.key))
        }
    }

    @Test("another key does not match")
    func otherKey() {
        let fingerprint = AccountKeyFingerprint(accountKey: Self.key)
        #expect(!fingerprint.matches(JSONWebKey(publicKey: Fixtures.key(5).publicKey)))
    }

    @Test("malformed fingerprints are rejected", arguments: [
        "", "SHA256", "SHA256 ", "MD5 AB", "SHA256 AB:CD", "SHA256 ABCD", "SHA256 :AB", "not base64!", "SHA256  AB",
    ])
    func malformed(text: String) {
        #expect(throws: AuthorityTokenError(code: .invalidFingerprint, reason: "")) {
            try AccountKeyFingerprint(parsing: text)
        }
    }

    @Test("thumbprint bytes must be 32", arguments: [0, 31, 33])
    func length(count: Int) {
        #expect(throws: AuthorityTokenError(code: .invalidFingerprint, reason: "")) {
            try AccountKeyFingerprint(thumbprint: [UInt8](repeating: 1, count: count))
        }
    }
}
