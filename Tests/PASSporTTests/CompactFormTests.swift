import Crypto
import JOSE
import PASSporT
import Testing

@Suite("Compact form (RFC 8225 §7)")
struct CompactFormTests {
    let key = P256.Signing.PrivateKey()

    func divPassport() throws -> PASSporT {
        try .div(
            x5u: "https://cert.example.org/div.cer", orig: .telephoneNumber("12155551212"),
            dest: DestinationIdentities(telephoneNumbers: ["19995550123"]), div: .telephoneNumber("12125551213"), iat: 1_700_000_000
        )
    }

    @Test("A compact-form div PASSporT verifies against reconstructed header and claims")
    func reconstructedVerifies() throws {
        let passport = try divPassport()
        let full = try PASSporTSigner(privateKey: key).sign(passport).compact
        let parts = full.split(separator: ".")
        for compact in ["..\(parts[2])", "\(parts[0])..\(parts[2])"] {
            let token = try UnverifiedPASSporT(compactForm: compact, reconstructedHeader: passport.header, reconstructedClaims: passport.claims)
            #expect(try token.verifySignature(using: key.publicKey).claims == passport.claims)
            var altered = passport.claims
            altered.iat += 1
            let wrong = try UnverifiedPASSporT(compactForm: compact, reconstructedHeader: passport.header, reconstructedClaims: altered)
            #expect(throws: PASSporTError(code: .signatureInvalid, reason: "")) { try wrong.verifySignature(using: key.publicKey) }
        }
    }

    @Test("The full-form parser rejects the compact form, and SHAKEN never allows it")
    func shakenRejected() throws {
        let shaken = try PASSporT.shaken(
            x5u: "https://cert.example.org/s.cer", attest: .full, origid: "o", orig: "1", dest: ["2"], iat: 1
        )
        let parts = try PASSporTSigner(privateKey: key).sign(shaken).compact.split(separator: ".")
        #expect(throws: PASSporTError(code: .compactFormNotAllowed, reason: "")) { try UnverifiedPASSporT(compact: "..\(parts[2])") }
        #expect(throws: PASSporTError(code: .compactFormNotAllowed, reason: "")) {
            try UnverifiedPASSporT(compactForm: "..\(parts[2])", reconstructedHeader: shaken.header, reconstructedClaims: shaken.claims)
        }
    }

    @Test("A compact-form header segment must equal the reconstruction")
    func headerMismatch() throws {
        let passport = try divPassport()
        let other = Base64URL.encode(PASSporTHeader(ppt: .div, x5u: "https://other.example/c.cer").canonicalJSON())
        #expect(throws: PASSporTError(code: .malformedToken, reason: "")) {
            try UnverifiedPASSporT(compactForm: "\(other)..AAAA", reconstructedHeader: passport.header, reconstructedClaims: passport.claims)
        }
        #expect(throws: PASSporTError(code: .malformedToken, reason: "")) {
            try UnverifiedPASSporT(compactForm: "a.b.c", reconstructedHeader: passport.header, reconstructedClaims: passport.claims)
        }
        #expect(throws: PASSporTError(code: .malformedToken, reason: "")) {
            try UnverifiedPASSporT(compactForm: "..", reconstructedHeader: passport.header, reconstructedClaims: passport.claims)
        }
    }
}
