import JOSE
import Testing

@Suite("CompactJWS")
struct CompactJWSTests {
    /// RFC 7515 Appendix A.3 (the ES256 example), from `Vectors/rfc7515-a3-es256.json`.
    struct RFC7515Vector: Decodable {
        let jwk: [String: String]
        let protected: String
        let payload: String
        let signature: String

        var compact: String { "\(protected).\(payload).\(signature)" }

        static func load() throws -> RFC7515Vector {
            try VectorLoader.decode(RFC7515Vector.self, from: "rfc7515-a3-es256.json")
        }
    }

    @Test("Keeps the received bytes of each segment and the signing input")
    func keepsReceivedBytes() throws {
        let vector = try RFC7515Vector.load()
        let token = vector.compact
        let jws = try CompactJWS(token)
        #expect(String(decoding: jws.signingInput, as: UTF8.self) == "\(vector.protected).\(vector.payload)")
        #expect(String(decoding: jws.encodedHeader, as: UTF8.self) == vector.protected)
        #expect(String(decoding: jws.encodedPayload, as: UTF8.self) == vector.payload)
        #expect(String(decoding: jws.encodedSignature, as: UTF8.self) == vector.signature)
        #expect(jws.header == Array(#"{"alg":"ES256"}"#.utf8))
        #expect(jws.payload.starts(with: Array("{\"iss\":\"joe\",\r\n".utf8)))
        #expect(jws.signature.count == 64)
        #expect(!jws.isDetachedPayload)
        #expect(jws.compactSerialization == token)
    }

    @Test("Recognises a detached payload (header..signature)")
    func detachedPayload() throws {
        let vector = try RFC7515Vector.load()
        let jws = try CompactJWS("\(vector.protected)..\(vector.signature)")
        #expect(jws.isDetachedPayload)
        #expect(jws.payload.isEmpty)
    }

    static let malformed: [(String, String, JOSEError.Code)] = [
        ("five segments (JWE)", "a.b.c.d.e", .malformedJWS),
        ("five segments with bad base64", "a=.b.c.d.e", .malformedJWS),
        ("two segments", "eyJ9.eyJ9", .malformedJWS),
        ("four segments", "eyJ9.eyJ9.AA.AA", .malformedJWS),
        ("one segment", "eyJhbGciOiJFUzI1NiJ9", .malformedJWS),
        ("empty header", ".eyJ9.AAAA", .malformedJWS),
        ("only dots", "..", .malformedJWS),
        ("empty signature (trailing dot)", "eyJ9.eyJ9.", .malformedJWS),
        ("padding in header", "eyJhbGciOiJFUzI1NiJ9==.eyJ9.AAAA", .malformedBase64URL),
        ("plus in signature", "eyJ9.eyJ9.AA+A", .malformedBase64URL),
        ("whitespace in payload", "eyJ9.ey J9.AAAA", .malformedBase64URL),
        ("trailing newline", "eyJ9.eyJ9.AAAA\n", .malformedBase64URL),
    ]

    @Test("Rejects malformed compact serializations with the expected code", arguments: malformed)
    func rejects(name: String, token: String, code: JOSEError.Code) {
        #expect(throws: JOSEError(code: code, reason: name)) { try CompactJWS(token) }
    }

    @Test("Rejects a serialization over the length limit")
    func lengthLimit() throws {
        let token = try RFC7515Vector.load().compact
        #expect(throws: JOSEError(code: .tooLarge, reason: "")) { try CompactJWS(token, maximumLength: 64) }
    }
}

@Suite("CompactJWS shape")
struct CompactJWSShapeTests {
    @Test("Detects the detached-payload shape without decoding", arguments: [
        ("a..c", true), ("..c", true), ("..", true), ("a.b.c", false), ("a..c.", false), ("a...c", false), ("ac", false),
    ])
    func shape(token: String, expected: Bool) {
        #expect(CompactJWS.hasDetachedPayloadShape(Array(token.utf8)) == expected)
    }
}
