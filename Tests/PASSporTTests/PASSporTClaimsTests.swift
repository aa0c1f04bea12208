import JOSE
import PASSporT
import Testing

@Suite("PASSporT claims")
struct PASSporTClaimsTests {
    static let goodNumbers = ["1", "12155551212", "*67", "#31#", "123456789012345"]
    static let badNumbers = ["", "+12155551212", "1-215-555-1212", "1 215", "(215)5551212", "1234567890123456", "١٢٣", "１２３", "12a"]

    @Test("Canonical telephone numbers are accepted", arguments: goodNumbers)
    func goodNumber(_ number: String) throws {
        #expect(try PASSporTIdentity.telephoneNumber(number).value == number)
    }

    @Test("Non-canonical telephone numbers are rejected", arguments: badNumbers)
    func badNumber(_ number: String) {
        #expect(throws: PASSporTError(code: .invalidTelephoneNumber, reason: number)) { try PASSporTIdentity.telephoneNumber(number) }
    }

    @Test("URIs must be non-empty printable ASCII", arguments: ["", "sip:a b@example.com", "sip:é@example.com"])
    func badURI(_ uri: String) {
        #expect(throws: PASSporTError(code: .invalidClaim, reason: uri)) { try PASSporTIdentity.uri(uri) }
    }

    @Test("dest values are sorted and at least one is required")
    func destination() throws {
        let dest = try DestinationIdentities(telephoneNumbers: ["3", "12", "2"], uris: ["sip:b@x", "sip:a@x"])
        #expect(dest.telephoneNumbers == ["12", "2", "3"])
        #expect(dest.uris == ["sip:a@x", "sip:b@x"])
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "")) { try DestinationIdentities() }
    }

    static func claims() throws -> PASSporTClaims {
        PASSporTClaims(iat: 100, orig: try .telephoneNumber("1"), dest: try DestinationIdentities(telephoneNumbers: ["2"]))
    }

    @Test("Each ppt requires its claims")
    func requiredClaims() throws {
        var claims = try Self.claims()
        try claims.validate(for: nil)
        #expect(throws: PASSporTError(code: .missingClaim, reason: "attest")) { try claims.validate(for: .shaken) }
        claims.attest = .full
        #expect(throws: PASSporTError(code: .missingClaim, reason: "origid")) { try claims.validate(for: .shaken) }
        claims.origid = ""
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "empty origid")) { try claims.validate(for: .shaken) }
        claims.origid = "x"
        try claims.validate(for: .shaken)
        #expect(throws: PASSporTError(code: .missingClaim, reason: "div")) { try claims.validate(for: .div) }
        claims.div = try .telephoneNumber("3")
        try claims.validate(for: .div)
        #expect(throws: PASSporTError(code: .missingClaim, reason: "rcd")) { try claims.validate(for: .rcd) }
        claims.rcd = RichCallData(name: "n")
        try claims.validate(for: .rcd)
        claims.iat = -1
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "negative iat")) { try claims.validate(for: nil) }
    }

    static let freshnessTable: [(Int64, Int64, Freshness)] = [
        (100, 100, .fresh),
        (160, 60, .fresh),
        (161, 60, .stale(ageSeconds: 61)),
        (40, 60, .fresh),
        (39, 60, .futureDated(secondsAhead: 61)),
        (100, 0, .fresh),
        (101, 0, .stale(ageSeconds: 1)),
        (99, 0, .futureDated(secondsAhead: 1)),
        (.max, 60, .stale(ageSeconds: .max - 100)),
        (.min, 60, .futureDated(secondsAhead: .max)),
    ]

    @Test("Freshness is checked in both directions", arguments: freshnessTable)
    func freshness(now: Int64, tolerance: Int64, expected: Freshness) throws {
        #expect(try Self.claims().checkFreshness(now: now, tolerance: tolerance) == expected)
    }

    @Test("div accepts a uri identity and ignores extra members; orig does not")
    func divParsing() throws {
        let object = try #require(try StrictJSONParser().parse(string: #"""
            {"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"div":{"uri":"sip:x@example.com","hi":"1"}}
            """#).objectValue)
        let claims = try PASSporTClaims(jsonObject: object)
        #expect(claims.div == (try .uri("sip:x@example.com")))
        let bad = try #require(try StrictJSONParser().parse(string: #"{"iat":1,"orig":{"tn":"1","hi":"1"},"dest":{"tn":["2"]}}"#).objectValue)
        #expect(throws: PASSporTError(code: .invalidClaim, reason: "")) { try PASSporTClaims(jsonObject: bad) }
    }

    static let badOptionalClaims: [String] = [
        #""rcd":{}"#, #""rcd":"x""#, #""rcd":{"nam":1}"#, #""rcd":{"jcd":"x"}"#, #""rcdi":{"jcl":"sha256-x"}"#, #""rcdi":{}"#,
        #""mky":[]"#, #""mky":[{"alg":"sha-256"}]"#, #""crn":7"#, #""div":{"tn":"1","uri":"sip:a@b"}"#, #""attest":"a""#,
    ]

    @Test("Malformed optional claims are rejected", arguments: badOptionalClaims)
    func badOptional(_ member: String) throws {
        let text = #"{"iat":1,"orig":{"tn":"1"},"dest":{"tn":["2"]},"# + member + "}"
        let claims = try #require(try StrictJSONParser().parse(string: text).objectValue)
        #expect(throws: PASSporTError(code: .invalidClaim, reason: member)) { try PASSporTClaims(jsonObject: claims) }
    }
}
