import Crypto
import JOSE
import PASSporT
import Testing

@Suite("PASSporTSigner")
struct PASSporTSignerTests {
    static let x5u = "https://sti-cr.example.net/sp/cert.pem"
    let key = P256.Signing.PrivateKey()

    static func examples() throws -> [(String, PASSporT)] {
        let orig = try PASSporTIdentity.telephoneNumber("12155551212")
        let dest = try DestinationIdentities(telephoneNumbers: ["12125551213"])
        return [
            ("shaken", try .shaken(x5u: x5u, attest: .partial, origid: "de305d54-75b4-431b-adb2-eb6b9e546014", orig: "12155551212", dest: ["12125551213", "12025550100"], iat: 1_700_000_000)),
            ("div", try .div(x5u: x5u, orig: orig, dest: try DestinationIdentities(telephoneNumbers: ["19995550123"]), div: .telephoneNumber("12125551213"), iat: 1_700_000_001)),
            ("rcd", try .rcd(
                x5u: x5u, orig: orig, dest: dest, iat: 1_700_000_002,
                rcd: RichCallData(name: "Example Bank \"Fraud\" Desk", jCardURL: "https://example.com/card.json", iconURL: "https://example.com/i.png"),
                rcdi: ["/jcl": "sha256-AbCd", "/icn": "sha256-EfGh"], crn: "Account alert"
            )),
            ("base", try .base(x5u: x5u, orig: .uri("sip:alice@example.com"), dest: try DestinationIdentities(telephoneNumbers: ["12125551213"], uris: ["sip:bob@example.com"]), iat: 1_700_000_003)),
        ]
    }

    @Test("Sign then parse and verify returns the same header and claims", arguments: ["shaken", "div", "rcd", "base"])
    func roundTrip(kind: String) throws {
        let passport = try #require(try Self.examples().first { $0.0 == kind }?.1)
        let signed = try PASSporTSigner(privateKey: key).sign(passport)
        #expect(signed.signature.count == 64)
        let unverified = try UnverifiedPASSporT(compact: signed.compact)
        #expect(unverified.unverifiedHeader == passport.header)
        #expect(unverified.unverifiedClaims == passport.claims)
        let verified = try unverified.verifySignature(using: key.publicKey)
        #expect(verified.header == passport.header)
        #expect(verified.claims == passport.claims)
        #expect(verified.compact == signed.compact)
        #expect(throws: PASSporTError(code: .signatureInvalid, reason: "")) {
            try unverified.verifySignature(using: P256.Signing.PrivateKey().publicKey)
        }
    }

    @Test("Signed header and payload are canonical JSON", arguments: ["shaken", "div", "rcd", "base"])
    func canonicalOutput(kind: String) throws {
        let passport = try #require(try Self.examples().first { $0.0 == kind }?.1)
        let jws = try CompactJWS(try PASSporTSigner(privateKey: key).sign(passport).compact)
        #expect(try CanonicalJSON.isCanonical(jws.header))
        #expect(try CanonicalJSON.isCanonical(jws.payload))
    }

    @Test("SHAKEN payload has sorted keys, sorted dest, no whitespace and unescaped slashes")
    func shakenBytes() throws {
        let passport = try #require(try Self.examples().first { $0.0 == "shaken" }?.1)
        let jws = try CompactJWS(try PASSporTSigner(privateKey: key).sign(passport).compact)
        #expect(String(decoding: jws.header, as: UTF8.self)
            == #"{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"https://sti-cr.example.net/sp/cert.pem"}"#)
        #expect(String(decoding: jws.payload, as: UTF8.self)
            == #"{"attest":"B","dest":{"tn":["12025550100","12125551213"]},"iat":1700000000,"orig":{"tn":"12155551212"},"origid":"de305d54-75b4-431b-adb2-eb6b9e546014"}"#)
    }

    @Test("RCD payload orders nested members and escapes quotes minimally")
    func rcdBytes() throws {
        let passport = try #require(try Self.examples().first { $0.0 == "rcd" }?.1)
        let jws = try CompactJWS(try PASSporTSigner(privateKey: key).sign(passport).compact)
        #expect(String(decoding: jws.payload, as: UTF8.self)
            == #"{"crn":"Account alert","dest":{"tn":["12125551213"]},"iat":1700000002,"orig":{"tn":"12155551212"},"rcd":{"icn":"https://example.com/i.png","jcl":"https://example.com/card.json","nam":"Example Bank \"Fraud\" Desk"},"rcdi":{"/icn":"sha256-EfGh","/jcl":"sha256-AbCd"}}"#)
    }

    @Test("Additional claims and mky are merged into code-point order")
    func additionalClaims() throws {
        var claims = PASSporTClaims(
            iat: 5, orig: try .telephoneNumber("1"), dest: try DestinationIdentities(telephoneNumbers: ["2"]),
            mky: [MediaKey(algorithm: "sha-256", digest: "bb"), MediaKey(algorithm: "sha-1", digest: "ff"), MediaKey(algorithm: "sha-256", digest: "aa")],
            additionalClaims: try JSONObject([.init("zz", .integer(1)), .init("exp", .bool(true)), .init("a", .null)])
        )
        #expect(String(decoding: try claims.canonicalJSON(), as: UTF8.self)
            == #"{"a":null,"dest":{"tn":["2"]},"exp":true,"iat":5,"mky":[{"alg":"sha-1","dig":"ff"},{"alg":"sha-256","dig":"aa"},{"alg":"sha-256","dig":"bb"}],"orig":{"tn":"1"},"zz":1}"#)
        claims.additionalClaims = try JSONObject([.init("iat", .integer(6))])
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "")) { try claims.canonicalJSON() }
    }

    @Test("Unknown claims survive a parse and are ignored by validation")
    func unknownClaimsKept() throws {
        let claims = PASSporTClaims(
            iat: 5, orig: try .telephoneNumber("1"), dest: try DestinationIdentities(telephoneNumbers: ["2"]),
            attest: .gateway, origid: "o", additionalClaims: try JSONObject([.init("custom", .string("x"))])
        )
        let passport = try PASSporT(header: PASSporTHeader(ppt: .shaken, x5u: Self.x5u), claims: claims)
        let parsed = try UnverifiedPASSporT(compact: try PASSporTSigner(privateKey: key).sign(passport).compact)
        #expect(parsed.unverifiedClaims.additionalClaims["custom"] == .string("x"))
    }

    @Test("The signer refuses claims that do not suit the header's ppt")
    func refusesInvalid() throws {
        let base = try #require(try Self.examples().first { $0.0 == "base" }?.1)
        var passport = base
        passport.header.ppt = .shaken
        #expect(throws: PASSporTError(code: .missingClaim, reason: "")) { try PASSporTSigner(privateKey: key).sign(passport) }
        passport = base
        passport.claims.rcdi = ["/jcl": "sha256-x"]
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "")) { try PASSporTSigner(privateKey: key).sign(passport) }
    }

    @Test("The Identity header of a signed PASSporT carries info, alg and ppt")
    func identityHeader() throws {
        let passport = try #require(try Self.examples().first { $0.0 == "shaken" }?.1)
        let signed = try PASSporTSigner(privateKey: key).sign(passport)
        #expect(signed.identityHeader.formatted == "\(signed.compact);info=<\(Self.x5u)>;alg=ES256;ppt=shaken")
        let parsed = try IdentityHeader(parsing: signed.identityHeader.formatted)
        #expect(try parsed.unverifiedPASSporT().verifySignature(using: key.publicKey).claims == passport.claims)
    }
}
