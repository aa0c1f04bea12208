import JOSE

/// The directory object (RFC 8555 §7.1.1).
public struct ACMEDirectory: Hashable, Sendable {
    /// The newNonce URL (§7.2).
    public let newNonce: String
    /// The newAccount URL (§7.3).
    public let newAccount: String
    /// The newOrder URL (§7.4).
    public let newOrder: String
    /// The revokeCert URL (§7.6).
    public let revokeCert: String
    /// The keyChange URL (§7.3.5), if offered.
    public let keyChange: String?
    /// `meta.termsOfService`, if any.
    public let termsOfService: String?

    init(_ object: JSONObject) throws(HTTPClientError) {
        newNonce = try ACMEJSON.string(object, "newNonce", in: "directory")
        newAccount = try ACMEJSON.string(object, "newAccount", in: "directory")
        newOrder = try ACMEJSON.string(object, "newOrder", in: "directory")
        revokeCert = try ACMEJSON.string(object, "revokeCert", in: "directory")
        keyChange = object["keyChange"]?.stringValue
        termsOfService = object["meta"]?.objectValue?["termsOfService"]?.stringValue
    }
}

/// An account as the server describes it (RFC 8555 §7.1.2), with its URL (the `kid`).
public struct ACMEAccountResource: Hashable, Sendable {
    /// The account URL from `Location`.
    public let url: String
    /// `valid`, `deactivated` or `revoked`.
    public let status: String
    /// Whether the server created it (201) rather than found it (200, §7.3.1).
    public let created: Bool
}

/// An order (RFC 8555 §7.1.3).
public struct ACMEOrderResource: Hashable, Sendable {
    /// The order URL.
    public let url: String
    /// `pending`, `ready`, `processing`, `valid` or `invalid`.
    public let status: String
    /// The identifier values (base64 DER TNAuthLists, RFC 9448 §3).
    public let identifierValues: [String]
    /// Authorization URLs.
    public let authorizations: [String]
    /// The finalize URL.
    public let finalize: String
    /// The certificate URL, once valid.
    public let certificate: String?
    /// The error, once invalid.
    public let error: ACMEProblem?

    init(url: String, object: JSONObject) throws(HTTPClientError) {
        self.url = url
        status = try ACMEJSON.string(object, "status", in: "order")
        identifierValues = (object["identifiers"]?.arrayValue ?? []).compactMap { $0.objectValue?["value"]?.stringValue }
        authorizations = try ACMEJSON.strings(object, "authorizations", in: "order")
        finalize = try ACMEJSON.string(object, "finalize", in: "order")
        certificate = object["certificate"]?.stringValue
        error = object["error"]?.objectValue.map { ACMEProblem(jsonObject: $0, httpStatus: 0) }
    }
}

/// An authorization (RFC 8555 §7.1.4).
public struct ACMEAuthorizationResource: Hashable, Sendable {
    /// The authorization URL.
    public let url: String
    /// `pending`, `valid`, `invalid`, `deactivated`, `expired` or `revoked`.
    public let status: String
    /// The identifier value.
    public let identifierValue: String
    /// The challenges.
    public let challenges: [ACMEChallengeResource]

    init(url: String, object: JSONObject) throws(HTTPClientError) {
        self.url = url
        status = try ACMEJSON.string(object, "status", in: "authorization")
        identifierValue = object["identifier"]?.objectValue?["value"]?.stringValue ?? ""
        var challenges: [ACMEChallengeResource] = []
        for value in object["challenges"]?.arrayValue ?? [] {
            guard let challenge = value.objectValue else {
                throw HTTPClientError(.malformedResponse, "authorization challenge is a \(value.typeName), not an object")
            }
            challenges.append(try ACMEChallengeResource(challenge))
        }
        self.challenges = challenges
    }

    /// The `tkauth-01` challenge with `tkauth-type: atc` (RFC 9447 §3, RFC 9448 §4).
    public var tkauthChallenge: ACMEChallengeResource? {
        challenges.first { $0.type == "tkauth-01" && ($0.tkauthType == nil || $0.tkauthType == "atc") }
    }
}

/// A challenge (RFC 8555 §8; `tkauth-01`, RFC 9447 §3).
public struct ACMEChallengeResource: Hashable, Sendable {
    /// The type, `tkauth-01`.
    public let type: String
    /// The challenge URL.
    public let url: String
    /// `pending`, `processing`, `valid` or `invalid`.
    public let status: String
    /// The token.
    public let token: String?
    /// `tkauth-type` (`atc`).
    public let tkauthType: String?
    /// `token-authority`, where the client may get a token.
    public let tokenAuthority: String?
    /// The error, when validation failed.
    public let error: ACMEProblem?

    init(_ object: JSONObject) throws(HTTPClientError) {
        type = try ACMEJSON.string(object, "type", in: "challenge")
        url = try ACMEJSON.string(object, "url", in: "challenge")
        status = try ACMEJSON.string(object, "status", in: "challenge")
        token = object["token"]?.stringValue
        tkauthType = object["tkauth-type"]?.stringValue
        tokenAuthority = object["token-authority"]?.stringValue
        error = object["error"]?.objectValue.map { ACMEProblem(jsonObject: $0, httpStatus: 0) }
    }
}

/// Member readers that turn a missing or mistyped member into ``HTTPClientError/Code/malformedResponse``.
enum ACMEJSON {
    static let parser = StrictJSONParser(maximumBytes: 1 << 20, maximumDepth: 16)

    static func object(_ body: [UInt8], _ what: String) throws(HTTPClientError) -> JSONObject {
        let value: JSONValue
        do {
            value = try parser.parse(body)
        } catch {
            throw HTTPClientError(.malformedResponse, "\(what) is not JSON: \(error.reason)")
        }
        guard let object = value.objectValue else {
            throw HTTPClientError(.malformedResponse, "\(what) is a JSON \(value.typeName), not an object")
        }
        return object
    }

    static func string(_ object: JSONObject, _ name: String, in what: String) throws(HTTPClientError) -> String {
        guard let text = object[name]?.stringValue else {
            throw HTTPClientError(.malformedResponse, "\(what) has no string \(name)")
        }
        return text
    }

    static func strings(_ object: JSONObject, _ name: String, in what: String) throws(HTTPClientError) -> [String] {
        guard let array = object[name]?.arrayValue else {
            throw HTTPClientError(.malformedResponse, "\(what) has no array \(name)")
        }
        var result: [String] = []
        for item in array {
            guard let text = item.stringValue else {
                throw HTTPClientError(.malformedResponse, "\(what).\(name) holds a \(item.typeName), not a string")
            }
            result.append(text)
        }
        return result
    }
}
