import Crypto
import JOSE
import Testing

@Suite("Flattened JWS JSON serialization (RFC 7515 §7.2.2)")
struct FlattenedJWSTests {
    static let key: P256.Signing.PrivateKey = {
        var raw = [UInt8](repeating: 0, count: 32)
        raw[0] = 1
        raw[31] = 9
        return (try? P256.Signing.PrivateKey(rawRepresentation: raw)) ?? P256.Signing.PrivateKey()
    }()

    static func header() throws -> JSONObject {
        try JSONObject([.init("alg", .string("ES256")), .init("nonce", .string("n1")), .init("url", .string("https://ca.example/acme"))])
    }

    @Test("a signed JWS parses back and verifies over the received protected.payload bytes")
    func roundTrip() throws {
        let jws = try FlattenedJWS.signES256(protectedHeader: Self.header(), payload: Array(#"{"a":1}"#.utf8), using: Self.key)
        let parsed = try FlattenedJWS(bytes: jws.serialized)
        #expect(parsed == jws)
        #expect(parsed.payload == Array(#"{"a":1}"#.utf8))
        #expect(String(decoding: parsed.signingInput, as: UTF8.self) == parsed.encodedProtected + "." + parsed.encodedPayload)
        try ES256.verify(signature: parsed.signature, over: parsed.signingInput, using: Self.key.publicKey)
    }

    @Test("an empty payload is kept as POST-as-GET")
    func emptyPayload() throws {
        let jws = try FlattenedJWS.signES256(protectedHeader: Self.header(), payload: [], using: Self.key)
        let parsed = try FlattenedJWS(bytes: jws.serialized)
        #expect(parsed.hasEmptyPayload)
        #expect(parsed.payload.isEmpty)
    }

    @Test("whitespace and member order in the received object do not change the signing input")
    func receivedBytes() throws {
        let jws = try FlattenedJWS.signES256(protectedHeader: Self.header(), payload: Array("{}".utf8), using: Self.key)
        let text = "{ \"signature\" : \"\(jws.encodedSignature)\", \"protected\":\"\(jws.encodedProtected)\",\n\"payload\":\"\(jws.encodedPayload)\" }"
        let parsed = try FlattenedJWS(bytes: Array(text.utf8))
        try ES256.verify(signature: parsed.signature, over: parsed.signingInput, using: Self.key.publicKey)
    }

    @Test("an unprotected header member is kept for the caller to judge")
    func unprotectedHeader() throws {
        let text = #"{"header":{"kid":"x"},"payload":"","protected":"eyJhIjoxfQ","signature":"AAAA"}"#
        let parsed = try FlattenedJWS(bytes: Array(text.utf8))
        #expect(parsed.unprotectedHeader?["kid"] == .string("x"))
    }

    @Test("malformed serializations are rejected with their code", arguments: [
        (#"[]"#, "malformedJWS"),
        (#"{"payload":"","signature":"AAAA"}"#, "malformedJWS"),
        (#"{"protected":"eyJhIjoxfQ","signature":"AAAA"}"#, "malformedJWS"),
        (#"{"protected":"eyJhIjoxfQ","payload":""}"#, "malformedJWS"),
        (#"{"protected":"","payload":"","signature":"AAAA"}"#, "malformedJWS"),
        (#"{"protected":"eyJhIjoxfQ","payload":"","signature":""}"#, "malformedJWS"),
        (#"{"protected":1,"payload":"","signature":"AAAA"}"#, "malformedJWS"),
        (#"{"protected":"eyJhIjoxfQ","payload":"","signature":"AAAA","extra":1}"#, "malformedJWS"),
        (#"{"payload":"","signatures":[]}"#, "malformedJWS"),
        (#"{"protected":"eyJhIjoxfQ","payload":"","signature":"AAAA","header":"x"}"#, "malformedJWS"),
        (#"{"protected":"eyJhIjoxfQ","protected":"eyJhIjoxfQ","payload":"","signature":"AAAA"}"#, "duplicateKey"),
        (#"{"protected":"eyJhIjoxfQ==","payload":"","signature":"AAAA"}"#, "malformedBase64URL"),
        (#"{"protected":"eyJhIjoxfQ","payload":"a+b/","signature":"AAAA"}"#, "malformedBase64URL"),
        (#"{"protected":"eyJhIjoxfQ","payload":"","signature":"AAAA""#, "malformedJSON"),
    ])
    func malformed(text: String, code: String) {
        do {
            _ = try FlattenedJWS(bytes: Array(text.utf8))
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.code.description == code, "\(error)")
        }
    }

    @Test("input above the size limit is refused")
    func sizeLimit() throws {
        let jws = try FlattenedJWS.signES256(protectedHeader: Self.header(), payload: [], using: Self.key)
        #expect(throws: JOSEError(code: .tooLarge, reason: "")) {
            try FlattenedJWS(bytes: jws.serialized, maximumLength: jws.serialized.count - 1)
        }
    }
}
