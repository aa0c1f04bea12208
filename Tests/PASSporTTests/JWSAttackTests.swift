import Crypto
import JOSE
import PASSporT
import Testing

@Suite("JWS attack vectors (Vectors/jws-attacks.json)")
struct JWSAttackTests {
    struct File: Decodable {
        let cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let token: String
        let expect: String
        let stage: String
        let header: String?
        let payload: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = (try? Vectors.decode(File.self, from: "jws-attacks.json").cases) ?? []

    static let codes: [String: PASSporTError.Code] = [
        "malformedToken": .malformedToken, "compactFormNotAllowed": .compactFormNotAllowed,
        "unsupportedAlgorithm": .unsupportedAlgorithm, "unsupportedType": .unsupportedType,
        "unsupportedPPT": .unsupportedPPT, "forbiddenHeader": .forbiddenHeader, "unknownCritical": .unknownCritical,
        "duplicateKey": .duplicateKey, "missingHeaderParameter": .missingHeaderParameter,
        "invalidHeaderParameter": .invalidHeaderParameter, "missingClaim": .missingClaim, "invalidClaim": .invalidClaim,
        "invalidTelephoneNumber": .invalidTelephoneNumber, "signatureInvalid": .signatureInvalid,
    ]

    @Test("The corpus is present and covers both stages")
    func corpusLoaded() {
        #expect(Self.cases.count >= 60)
        #expect(Self.cases.contains { $0.stage == "verify" && $0.expect == "valid" })
        #expect(Self.cases.contains { $0.stage == "parse" })
    }

    @Test("Each attack fails with its specific code; controls verify", arguments: cases)
    func attack(_ vector: Case) throws {
        let key = try Vectors.spec().publicKey()
        let segments = vector.token.split(separator: ".", omittingEmptySubsequences: false)
        if let header = vector.header, segments.count == 3, !segments[0].isEmpty {
            #expect(try Base64URL.decode(segments[0]) == Array(header.utf8), "header segment must match the recorded JSON")
        }
        let outcome = Result { () throws(PASSporTError) in
            try UnverifiedPASSporT(compact: vector.token).verifySignature(using: key)
        }
        if vector.expect == "valid" {
            #expect(throws: Never.self) { try outcome.get() }
            return
        }
        let code = try #require(Self.codes[vector.expect], "unknown code \(vector.expect)")
        #expect(throws: PASSporTError(code: code, reason: vector.name)) { try outcome.get() }
        if vector.stage == "verify" {
            #expect(throws: Never.self, "verify-stage vectors must parse") { try UnverifiedPASSporT(compact: vector.token) }
        }
    }
}
