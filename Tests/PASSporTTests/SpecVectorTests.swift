import Crypto
import JOSE
import PASSporT
import Testing

@Suite("Spec vectors (spec digest §9.1–§9.3)")
struct SpecVectorTests {
    @Test("The draft-08 PEM private key and SPKI public key are one key pair")
    func keyPair() throws {
        let spec = try Vectors.spec()
        #expect(try spec.privateKey().publicKey.rawRepresentation == spec.publicKey().rawRepresentation)
    }

    @Test("§9.1 draft-08 token verifies as a JWS, but its string iat is rejected as a claim")
    func draft08() throws {
        let spec = try Vectors.spec()
        let jws = try CompactJWS(spec.draft08.token)
        try ES256.verify(signature: jws.signature, over: jws.signingInput, using: spec.publicKey())
        #expect(jws.payload == Array(spec.draft08.payload.utf8))
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "iat string")) {
            try UnverifiedPASSporT(compact: spec.draft08.token)
        }
    }

    @Test("§9.2 RFC 8225 header and payload are reproduced byte for byte by the serializer")
    func rfc8225Serialization() throws {
        let spec = try Vectors.spec()
        let passport = try PASSporT.base(
            x5u: "https://cert.example.org/passport.cer",
            orig: .telephoneNumber("12155551212"),
            dest: DestinationIdentities(uris: ["sip:alice@example.com"]),
            iat: 1_471_375_418
        )
        #expect(String(decoding: passport.header.canonicalJSON(), as: UTF8.self) == spec.rfc8225.header)
        #expect(String(decoding: try passport.claims.canonicalJSON(), as: UTF8.self) == spec.rfc8225.payload)
        let segments = spec.rfc8225.token.split(separator: ".")
        #expect(Base64URL.encode(passport.header.canonicalJSON()) == String(segments[0]))
        #expect(Base64URL.encode(try passport.claims.canonicalJSON()) == String(segments[1]))
    }

    @Test("§9.2 RFC 8225 token parses, and its known-inconsistent signature is rejected")
    func rfc8225Parses() throws {
        let spec = try Vectors.spec()
        let token = try UnverifiedPASSporT(compact: spec.rfc8225.token)
        #expect(token.unverifiedHeader.ppt == nil)
        #expect(token.unverifiedClaims.iat == 1_471_375_418)
        #expect(token.unverifiedClaims.dest.uris == ["sip:alice@example.com"])
        #expect(throws: PASSporTError(code: .signatureInvalid, reason: "")) {
            try token.verifySignature(using: spec.publicKey())
        }
    }

    @Test("§9.3 SHAKEN token verifies with the §9.1 key and yields its claims")
    func shakenVerifies() throws {
        let spec = try Vectors.spec()
        let verified = try UnverifiedPASSporT(compact: spec.shaken.token).verifySignature(using: spec.publicKey())
        #expect(verified.header == PASSporTHeader(ppt: .shaken, x5u: "https://cert.example.org/passport.cer"))
        #expect(verified.claims.attest == .full)
        #expect(verified.claims.orig == (try .telephoneNumber("12155551212")))
        #expect(verified.claims.dest.telephoneNumbers == ["12125551213"])
        #expect(verified.claims.origid == "123e4567-e89b-12d3-a456-426655440000")
        #expect(verified.claims.iat == 1_443_208_345)
        #expect(verified.compact == spec.shaken.token)
    }

    @Test("§9.3 header and payload are reproduced byte for byte by the serializer")
    func shakenSerialization() throws {
        let spec = try Vectors.spec()
        let passport = try PASSporT.shaken(
            x5u: "https://cert.example.org/passport.cer", attest: .full, origid: "123e4567-e89b-12d3-a456-426655440000",
            orig: "12155551212", dest: ["12125551213"], iat: 1_443_208_345
        )
        #expect(String(decoding: passport.header.canonicalJSON(), as: UTF8.self) == spec.shaken.header)
        #expect(String(decoding: try passport.claims.canonicalJSON(), as: UTF8.self) == spec.shaken.payload)
        let signed = try PASSporTSigner(privateKey: spec.privateKey()).sign(passport)
        let received = spec.shaken.token.split(separator: ".")
        let produced = signed.compact.split(separator: ".")
        #expect(produced[0] == received[0])
        #expect(produced[1] == received[1])
    }

    @Test("A verification with a different key fails")
    func wrongKey() throws {
        let spec = try Vectors.spec()
        #expect(throws: PASSporTError(code: .signatureInvalid, reason: "")) {
            try UnverifiedPASSporT(compact: spec.shaken.token).verifySignature(using: P256.Signing.PrivateKey().publicKey)
        }
    }
}
