import Crypto
import Foundation
import JOSE
import Testing

@Suite("JSONWebKey")
struct JSONWebKeyTests {
    func parse(_ text: String) throws -> JSONWebKey {
        try JSONWebKey(jsonValue: StrictJSONParser().parse(string: text))
    }

    struct RFC7638Vector: Decodable {
        let jwk: [String: String]
        let canonical: String
        let thumbprint: String
    }

    @Test("Canonical member string and SHA-256 reproduce the RFC 7638 §3.1 thumbprint")
    func rfc7638() throws {
        let vector = try VectorLoader.decode(RFC7638Vector.self, from: "rfc7638-thumbprint.json")
        // RFC 7638 §3.2: only the required RSA members e, kty, n, in code-point order.
        let required = try JSONObject(["e", "kty", "n"].map { name in
            JSONObject.Member(name, .string(vector.jwk[name] ?? ""))
        })
        let canonical = CanonicalJSON.encode(.object(required))
        #expect(String(decoding: canonical, as: UTF8.self) == vector.canonical)
        #expect(Base64URL.encode(SHA256.hash(data: canonical)) == vector.thumbprint)
    }

    /// EC thumbprints computed independently (SHA-256 of the hand-written canonical string).
    static let ecVectors: [(String, String, String)] = [
        (
            // Wycheproof ecdsa_secp256r1_sha256_p1363_test.json, first group's publicKeyJwk.
            #"{"kty":"EC","crv":"P-256","kid":"none","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT4"}"#,
            #"{"crv":"P-256","kty":"EC","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT4"}"#,
            "UB0bE6ogZhikgZQC5i4LIZIpUDDiJ6AnzpDOzOEwJiA"
        ),
        (
            // RFC 7517 Appendix A.1, first key (kid "1").
            #"{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","use":"enc","kid":"1"}"#,
            #"{"crv":"P-256","kty":"EC","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}"#,
            "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s"
        ),
    ]

    @Test("EC P-256 thumbprint input and value match hand-computed vectors", arguments: ecVectors)
    func ecThumbprints(jwkText: String, canonical: String, thumbprint: String) throws {
        let jwk = try parse(jwkText)
        #expect(String(decoding: jwk.thumbprintInput, as: UTF8.self) == canonical)
        #expect(jwk.thumbprintBase64URL() == thumbprint)
    }

    @Test("A key round-trips through its JWK")
    func roundTrip() throws {
        let key = P256.Signing.PrivateKey().publicKey
        let jwk = JSONWebKey(publicKey: key)
        #expect(try jwk.publicKey().rawRepresentation == key.rawRepresentation)
        #expect(try JSONWebKey(jsonValue: jwk.jsonValue) == jwk)
    }

    static let malformed: [(String, String)] = [
        ("not an object", #"["EC"]"#),
        ("RSA key", #"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#),
        ("P-384 curve", #"{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}"#),
        ("private member d", #"{"kty":"EC","crv":"P-256","d":"AA","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT4"}"#),
        ("missing y", #"{"kty":"EC","crv":"P-256","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg"}"#),
        ("short x", #"{"kty":"EC","crv":"P-256","x":"KSexBRK64","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT4"}"#),
        ("padded x", #"{"kty":"EC","crv":"P-256","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg=","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT4"}"#),
        ("point not on curve", #"{"kty":"EC","crv":"P-256","x":"KSexBRK64-3c_kZ4KBKLrSkDJpkZ9whgacjE32xzKDg","y":"x3h5ZOqsAOWSH7FJimD0YGdms9loUAFVjRqXTnNBUT8"}"#),
    ]

    @Test("Rejects keys that are not EC P-256 public keys", arguments: malformed)
    func rejects(name: String, text: String) {
        #expect(throws: JOSEError(code: .malformedKey, reason: name)) { try parse(text) }
    }
}
