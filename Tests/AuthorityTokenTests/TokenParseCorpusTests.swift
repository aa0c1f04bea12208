import AuthorityToken
import JOSE
import Testing

@Suite("SPC token parse corpus")
struct TokenParseCorpusTests {
    @Test("the corpus file loads and holds controls and rejections")
    func corpusLoads() throws {
        let corpus = try Vectors.corpus()
        #expect(corpus.cases.count > 40)
        #expect(corpus.cases.contains { $0.expect == "valid" })
        #expect(!corpus.raw.isEmpty)
    }

    @Test("each assembled header and payload parses or fails with its code", arguments: Vectors.cases)
    func assembled(_ vector: Vectors.Case) {
        let token = Base64URL.encode(Array(vector.header.utf8)) + "." + Base64URL.encode(Array(vector.payload.utf8)) + "."
            + Base64URL.encode([UInt8](repeating: 0, count: 64))
        check(token, expect: vector.expect)
    }

    @Test("each raw token fails with its code", arguments: Vectors.raw)
    func raw(_ vector: Vectors.Raw) {
        check(vector.token, expect: vector.expect)
    }

    private func check(_ token: String, expect: String) {
        do {
            let parsed = try UnverifiedAuthorityToken(compact: token)
            #expect(expect == "valid", "parsed, expected \(expect)")
            #expect(parsed.unverifiedClaims.atc.tnAuthList.serviceProviderCodes.map(\.value) == ["1234"])
        } catch {
            #expect(error.code.description == expect, "\(error)")
        }
    }
}
