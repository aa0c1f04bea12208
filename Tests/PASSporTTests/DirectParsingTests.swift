import JOSE
@testable import PASSporT
import Testing

/// The typed fast path of header and claims parsing must agree with the strict parser's tree:
/// whenever it returns a value, the tree path returns the same value; whenever the tree path
/// refuses the input, the fast path returns nil (so the error comes from the tree path).
@Suite("PASSporT direct field parsing")
struct DirectParsingTests {
    static let parser = StrictJSONParser(maximumBytes: 8_192, maximumDepth: 8)

    static let headers = [
        #"{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"https://cert.example.org/passport.pem"}"#,
        #" { "x5u" : "https://a.example/c.pem" , "typ":"passport","alg":"ES256" } "#,
        #"{"alg":"ES256","ppt":"div","typ":"passport","x5u":"https://a.example/c.pem"}"#,
        #"{"alg":"ES256","alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem"}"#,
        #"{"alg":"RS256","typ":"passport","x5u":"https://a.example/c.pem"}"#,
        #"{"alg":"ES256","typ":"jwt","x5u":"https://a.example/c.pem"}"#,
        #"{"alg":"ES256","ppt":"nope","typ":"passport","x5u":"https://a.example/c.pem"}"#,
        #"{"alg":"ES256","typ":"passport","x5u":""}"#,
        #"{"alg":"ES256","typ":"passport"}"#,
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem","jwk":{}}"#,
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem","crit":["x"]}"#,
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem","kid":"1"}"#,
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem","kid":"1","kid":"2"}"#,
        #"{"alg":"ES\u0032\u0035\u0036","typ":"passport","x5u":"https://a.example/c.pem"}"#,
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem"} x"#,
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/c.pem",}"#,
        #"{"alg":"ES256","typ":"passport","x5u":5}"#,
        "\u{FEFF}{\"alg\":\"ES256\",\"typ\":\"passport\",\"x5u\":\"https://a.example/c.pem\"}",
        #"{"alg":"ES256","typ":"passport","x5u":"https://a.example/é.pem"}"#,
        "{}", "[]", "", "{", #"{"alg""#,
    ]

    static let payloads = [
        #"{"attest":"A","dest":{"tn":["12155551213"]},"iat":1443208345,"orig":{"tn":"12155551212"},"origid":"123e4567-e89b-12d3-a456-426655440000"}"#,
        #"{ "iat" : 1 , "orig" : { "uri" : "sip:a@example.com" } , "dest" : { "uri" : ["sip:b@example.com"], "tn" : ["2", "1"] } }"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"zzz":{"a":[1,2.5,true,null,"x"]},"aaa":-0}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"x":1,"x":2}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"x":{"a":1,"a":2}}"#,
        #"{"iat":1,"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":1.0,"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":1e3,"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":01,"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":-5,"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":99999999999999999999,"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":"1","orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"orig":{"tn":"1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":1,"orig":{"tn":"+1"},"dest":{"tn":["2"]}}"#,
        #"{"iat":1,"orig":{"tn":"1","uri":"sip:a@b"},"dest":{"tn":["2"]}}"#,
        #"{"iat":1,"orig":{"tn":1},"dest":{"tn":["2"]}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":[]}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"],"tn":["3"]}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"],"other":1}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":"2"}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2",3]}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"attest":"D"}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"attest":"A","origid":7}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"crn":"call"}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"div":{"tn":"3"}}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"tn":"3"}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"origid":"\u0041"}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"origid":"é"}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"x":[[[[[[[[[1]]]]]]]]]}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"x":[[[[[[[1]]]]]]]}"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]}}]"#,
        #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},}"#,
        "{\"iat\":1,\"orig\":{\"tn\":\"1\"},\"dest\":{\"tn\":[\"2\"]},\"x\":\"a\u{01}\"}",
        "{}", "[]", "", "1",
    ]

    @Test("The direct header reader agrees with the tree path", arguments: headers)
    func header(_ text: String) {
        let bytes = Array(text.utf8)
        let direct = PASSporTHeader.directlyParsed(bytes, limits: Self.parser)
        let tree = (try? Self.parser.parse(bytes))?.objectValue.flatMap { try? PASSporTHeader(jsonObject: $0) }
        if let direct { #expect(direct == tree) }
        if tree == nil { #expect(direct == nil) }
    }

    @Test("The direct claims reader agrees with the tree path", arguments: payloads)
    func claims(_ text: String) {
        let bytes = Array(text.utf8)
        let direct = PASSporTClaims.directlyParsed(bytes, limits: Self.parser)
        let tree = (try? Self.parser.parse(bytes))?.objectValue.flatMap { try? PASSporTClaims(jsonObject: $0) }
        if let direct { #expect(direct == tree) }
        if tree == nil { #expect(direct == nil) }
    }

    @Test("The usual SHAKEN header and claims take the direct path")
    func usualShapes() {
        #expect(PASSporTHeader.directlyParsed(Array(Self.headers[0].utf8), limits: Self.parser) != nil)
        #expect(PASSporTClaims.directlyParsed(Array(Self.payloads[0].utf8), limits: Self.parser) != nil)
        #expect(PASSporTClaims.directlyParsed(Array(Self.payloads[2].utf8), limits: Self.parser)?.additionalClaims.names == ["aaa", "zzz"])
    }

    @Test("Inputs over the size limit never take the direct path")
    func sizeLimit() {
        let padding = String(repeating: " ", count: 8_200)
        #expect(PASSporTHeader.directlyParsed(Array((Self.headers[0] + padding).utf8), limits: Self.parser) == nil)
        #expect(PASSporTClaims.directlyParsed(Array((Self.payloads[0] + padding).utf8), limits: Self.parser) == nil)
    }
}
