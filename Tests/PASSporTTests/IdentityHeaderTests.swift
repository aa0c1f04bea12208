import Crypto
import PASSporT
import Testing

@Suite("IdentityHeader")
struct IdentityHeaderTests {
    static let token = "eyJhbGciOiJFUzI1NiJ9.eyJpYXQiOjF9.c2ln"
    static let url = "https://cert.example.org/passport.cer"

    struct Row: Sendable, CustomTestStringConvertible {
        let text: String
        let info: String?
        let ppt: String?
        let extensions: [IdentityHeader.Parameter]
        var testDescription: String { text }
    }

    static let valid: [Row] = [
        Row(text: "\(token);info=<\(url)>;alg=ES256;ppt=shaken", info: url, ppt: "shaken", extensions: []),
        Row(text: "\(token);ppt=shaken;alg=ES256;info=<\(url)>", info: url, ppt: "shaken", extensions: []),
        Row(text: "\(token) ; info = <\(url)> ; alg = ES256 ; ppt = \"shaken\"", info: url, ppt: "shaken", extensions: []),
        Row(text: "  \(token);info=<\(url)>  ", info: url, ppt: nil, extensions: []),
        Row(text: "\(token);INFO=<\(url)>;Alg=ES256", info: url, ppt: nil, extensions: []),
        Row(text: "\(token);info=\"<\(url)>\";ppt=div", info: url, ppt: "div", extensions: []),
        Row(text: "\(token);info=<\(url)>;x-foo=\"a;b,c\";flag", info: url, ppt: nil,
            extensions: [.init(name: "x-foo", value: "a;b,c"), .init(name: "flag", value: nil)]),
        Row(text: "..c2ln;alg=ES256", info: nil, ppt: nil, extensions: []),
    ]

    @Test("Parses parameters in any order, spacing and quoting", arguments: valid)
    func parses(_ row: Row) throws {
        let header = try IdentityHeader(parsing: row.text)
        #expect(header.token == row.text.trimmingWhitespaceForTest.prefixBeforeSemicolon)
        #expect(header.info == row.info)
        #expect(header.ppt == row.ppt)
        #expect(header.algorithm == "ES256")
        #expect(header.extensionParameters == row.extensions)
    }

    static let invalid: [(String, PASSporTError.Code)] = [
        ("", .identityHeaderMalformed),
        (";info=<\(url)>", .identityHeaderMalformed),
        ("\(token)", .identityHeaderMalformed),
        ("\(token);alg=ES256;ppt=shaken", .identityHeaderMalformed),
        ("\(token);info=<\(url)>;alg=ES384", .unsupportedAlgorithm),
        ("\(token);info=<\(url)>;alg=none", .unsupportedAlgorithm),
        ("\(token);info=<\(url)>;alg=ES256;alg=ES256", .identityHeaderMalformed),
        ("\(token);info=<\(url)>;info=<\(url)>", .identityHeaderMalformed),
        ("\(token);info=<\(url)>;ppt=shaken;ppt=div", .identityHeaderMalformed),
        ("\(token);info=<\(url)", .identityHeaderMalformed),
        ("\(token);info=<https://a.example/x y>", .identityHeaderMalformed),
        ("\(token);info=<\(url)>;ppt=\"shaken", .identityHeaderMalformed),
        ("\(token);info=<\(url)>;=x", .identityHeaderMalformed),
        ("\(token);info=<\(url)>;ppt=", .identityHeaderMalformed),
        ("\(token) junk;info=<\(url)>", .identityHeaderMalformed),
        ("\(token)+;info=<\(url)>", .identityHeaderMalformed),
        ("\(token);info=<\(url)>,", .identityHeaderMalformed),
    ]

    @Test("Rejects malformed Identity header values", arguments: invalid)
    func rejects(text: String, code: PASSporTError.Code) {
        #expect(throws: PASSporTError(code: code, reason: text)) { try IdentityHeader.parseAll([text]) }
    }

    @Test("Formats token, info, alg, ppt and extension parameters")
    func formats() throws {
        let header = IdentityHeader(
            token: Self.token, info: Self.url, ppt: "shaken",
            extensionParameters: [.init(name: "x", value: "a b"), .init(name: "y", value: nil)]
        )
        #expect(header.formatted == "\(Self.token);info=<\(Self.url)>;alg=ES256;ppt=shaken;x=\"a b\";y")
        #expect(try IdentityHeader(parsing: header.formatted) == header)
    }

    @Test("Parses several header fields and comma-joined values, keeping commas inside <URI>")
    func parseAll() throws {
        let commaURL = "https://cert.example.org/a,b.cer"
        let headers = try IdentityHeader.parseAll([
            "\(Self.token);info=<\(Self.url)>;ppt=shaken",
            "\(Self.token);info=<\(commaURL)>;ppt=div , \(Self.token);info=<\(Self.url)>;ppt=rcd",
        ])
        #expect(headers.map(\.ppt) == ["shaken", "div", "rcd"])
        #expect(headers.map(\.info) == [Self.url, commaURL, Self.url])
    }

    @Test("info must equal x5u and ppt must equal the header's ppt")
    func consistency() throws {
        let header = PASSporTHeader(ppt: .shaken, x5u: Self.url)
        try IdentityHeader(token: Self.token, info: Self.url, ppt: "shaken").checkConsistency(with: header)
        try IdentityHeader(token: Self.token, info: Self.url, ppt: nil).checkConsistency(with: header)
        #expect(throws: PASSporTError(code: .infoMismatch, reason: "")) {
            try IdentityHeader(token: Self.token, info: "https://evil.example/c.pem", ppt: "shaken").checkConsistency(with: header)
        }
        #expect(throws: PASSporTError(code: .pptMismatch, reason: "")) {
            try IdentityHeader(token: Self.token, info: Self.url, ppt: "div").checkConsistency(with: header)
        }
        #expect(throws: PASSporTError(code: .pptMismatch, reason: "")) {
            try IdentityHeader(token: Self.token, info: Self.url, ppt: "shaken").checkConsistency(with: PASSporTHeader(ppt: nil, x5u: Self.url))
        }
    }

    @Test("unverifiedPASSporT() parses the token and applies the consistency checks")
    func unverifiedFromHeader() throws {
        let spec = try Vectors.spec()
        let good = try IdentityHeader(parsing: "\(spec.shaken.token);info=<\(Self.url)>;alg=ES256;ppt=shaken")
        _ = try good.unverifiedPASSporT().verifySignature(using: spec.publicKey())
        let wrongInfo = try IdentityHeader(parsing: "\(spec.shaken.token);info=<https://other.example/c.pem>;ppt=shaken")
        #expect(throws: PASSporTError(code: .infoMismatch, reason: "")) { try wrongInfo.unverifiedPASSporT() }
    }
}

extension String {
    fileprivate var trimmingWhitespaceForTest: Substring {
        let trimmed = drop { $0 == " " }
        return trimmed
    }
}

extension Substring {
    fileprivate var prefixBeforeSemicolon: String {
        String(prefix { $0 != ";" && $0 != " " })
    }
}
