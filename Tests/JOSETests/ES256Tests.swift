import Crypto
import Foundation
import JOSE
import Testing

@Suite("ES256")
struct ES256Tests {
    @Test("A signature is 64 raw bytes and verifies over the same input")
    func signVerify() throws {
        let key = P256.Signing.PrivateKey()
        let input = Array("header.payload".utf8)
        let signature = try ES256.sign(input, using: key)
        #expect(signature.count == 64)
        try ES256.verify(signature: signature, over: input, using: key.publicKey)
        #expect(throws: JOSEError(code: .signatureInvalid, reason: "")) {
            try ES256.verify(signature: signature, over: Array("header.payloaD".utf8), using: key.publicKey)
        }
    }

    @Test("Rejects a DER-encoded signature, wrong lengths and r = s = 0")
    func rejectsNonRaw() throws {
        let key = P256.Signing.PrivateKey()
        let input = Array("x".utf8)
        let der = Array(try key.signature(for: input).derRepresentation)
        for bad in [der, [], [UInt8](repeating: 0, count: 63), [UInt8](repeating: 0, count: 65), [UInt8](repeating: 0, count: 64)] {
            #expect(throws: JOSEError(code: .signatureInvalid, reason: "")) {
                try ES256.verify(signature: bad, over: input, using: key.publicKey)
            }
        }
    }

    @Test("RFC 7515 Appendix A.3 ES256 example verifies")
    func rfc7515Example() throws {
        let vector = try CompactJWSTests.RFC7515Vector.load()
        let members = vector.jwk.map { JSONObject.Member($0.key, .string($0.value)) }
        let jwk = try JSONWebKey(jsonValue: .object(JSONObject(members)))
        let jws = try CompactJWS(vector.compact)
        try ES256.verify(signature: jws.signature, over: jws.signingInput, using: jwk.publicKey())
        var tampered = Array(jws.signingInput)
        tampered[tampered.count - 1] ^= 0x01
        #expect(throws: JOSEError(code: .signatureInvalid, reason: "")) {
            try ES256.verify(signature: jws.signature, over: tampered, using: jwk.publicKey())
        }
    }
}

/// Runs Wycheproof `ecdsa_secp256r1_sha256_p1363_test.json` through ``ES256/verify(signature:over:using:)``.
@Suite("ES256 Wycheproof P1363")
struct ES256WycheproofTests {
    struct File: Decodable {
        let numberOfTests: Int
        let testGroups: [Group]
    }

    struct Group: Decodable {
        let publicKey: PublicKey
        let publicKeyJwk: JWK
        let tests: [Case]
    }

    struct PublicKey: Decodable {
        let uncompressed: String
    }

    struct JWK: Decodable {
        let kty: String
        let crv: String
        let x: String
        let y: String
    }

    struct Case: Decodable {
        let tcId: Int
        let comment: String
        let msg: String
        let sig: String
        let result: String
    }

    @Test("Every valid vector verifies and every invalid one is rejected")
    func wycheproof() throws {
        let file = try VectorLoader.decode(File.self, from: "ecdsa_secp256r1_sha256_p1363_test.json")
        var valid = 0
        var invalid = 0
        for group in file.testGroups {
            let jwkObject = try JSONObject([
                .init("kty", .string(group.publicKeyJwk.kty)), .init("crv", .string(group.publicKeyJwk.crv)),
                .init("x", .string(group.publicKeyJwk.x)), .init("y", .string(group.publicKeyJwk.y)),
            ])
            let key = try JSONWebKey(jsonValue: .object(jwkObject)).publicKey()
            let x963 = try #require([UInt8](hex: group.publicKey.uncompressed))
            #expect(key.x963Representation == Data(x963), "JWK and uncompressed key disagree")
            for test in group.tests {
                let message = try #require([UInt8](hex: test.msg))
                let signature = [UInt8](hex: test.sig) ?? Array(test.sig.utf8)
                let outcome = Result { () throws(JOSEError) in try ES256.verify(signature: signature, over: message, using: key) }
                switch test.result {
                case "valid":
                    valid += 1
                    #expect(throws: Never.self, "tcId \(test.tcId): \(test.comment)") { try outcome.get() }
                case "invalid":
                    invalid += 1
                    #expect(throws: JOSEError(code: .signatureInvalid, reason: ""), "tcId \(test.tcId): \(test.comment)") {
                        try outcome.get()
                    }
                default:
                    Issue.record("tcId \(test.tcId): unexpected result \(test.result); no 'acceptable' cases are expected")
                }
            }
        }
        #expect(valid + invalid == file.numberOfTests)
        #expect(valid == 169)
        #expect(invalid == 83)
    }
}
