import JOSE

extension PASSporTClaims {
    /// The claim names this type interprets, in code-point order (the canonical emission order).
    enum KnownClaim: String, CaseIterable {
        case attest, crn, dest, div, iat, mky, orig, origid, rcd, rcdi
    }

    /// Reads claims from a parsed payload object (RFC 8225 §5).
    ///
    /// - Throws: ``PASSporTError/Code/missingClaim`` for a missing `iat`, `orig` or `dest`;
    ///   ``PASSporTError/Code/invalidClaim`` for a wrong JSON type (e.g. `iat` as a string or a
    ///   fraction, `orig` with more than one identity, `dest` members that are not arrays);
    ///   ``PASSporTError/Code/invalidTelephoneNumber`` for a non-canonical number.
    public init(jsonObject object: JSONObject) throws(PASSporTError) {
        guard let iatValue = object["iat"] else { throw PASSporTError(code: .missingClaim, reason: "missing claim iat") }
        guard let iat = iatValue.integerValue else {
            throw PASSporTError(code: .invalidClaim, reason: "iat must be an integer NumericDate, not \(Self.describe(iatValue))")
        }
        guard let origValue = object["orig"] else { throw PASSporTError(code: .missingClaim, reason: "missing claim orig") }
        guard let destValue = object["dest"] else { throw PASSporTError(code: .missingClaim, reason: "missing claim dest") }
        self.init(iat: iat, orig: try Self.identity(origValue, claim: "orig", exact: true), dest: try Self.destination(destValue))
        if let value = object["attest"] {
            guard let text = value.stringValue, let level = Attestation(rawValue: text) else {
                throw PASSporTError(code: .invalidClaim, reason: "attest must be \"A\", \"B\" or \"C\"")
            }
            attest = level
        }
        origid = try Self.string(object, "origid")
        crn = try Self.string(object, "crn")
        if let value = object["div"] { div = try Self.identity(value, claim: "div", exact: false) }
        if let value = object["rcd"] {
            guard let rcdObject = value.objectValue else { throw PASSporTError(code: .invalidClaim, reason: "rcd must be an object") }
            rcd = try RichCallData(jsonObject: rcdObject)
        }
        if let value = object["rcdi"] { rcdi = try Self.integrity(value) }
        if let value = object["mky"] { mky = try Self.mediaKeys(value) }
        let interpreted = 3 + [attest != nil, origid != nil, crn != nil, div != nil, rcd != nil, rcdi != nil, mky != nil]
            .lazy.filter { $0 }.count
        if interpreted < object.count {
            additionalClaims = JSONObject(sortedUniqueMembers: object.members.filter { KnownClaim(rawValue: $0.name) == nil })
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        if case .decimal(let literal) = value { return "the number \(literal)" }
        return "a \(value.typeName)"
    }

    private static func string(_ object: JSONObject, _ name: String) throws(PASSporTError) -> String? {
        guard let value = object[name] else { return nil }
        guard let text = value.stringValue else {
            throw PASSporTError(code: .invalidClaim, reason: "\(name) must be a string, not \(describe(value))")
        }
        return text
    }

    /// `{"tn":"…"}` or `{"uri":"…"}`; with `exact`, no other member is allowed (RFC 8225 §5.2.1).
    private static func identity(_ value: JSONValue, claim: String, exact: Bool) throws(PASSporTError) -> PASSporTIdentity {
        guard let object = value.objectValue else {
            throw PASSporTError(code: .invalidClaim, reason: "\(claim) must be an object, not \(describe(value))")
        }
        let tn = object["tn"]
        let uri = object["uri"]
        guard (tn == nil) != (uri == nil), !exact || object.count == 1 else {
            throw PASSporTError(code: .invalidClaim, reason: "\(claim) must hold exactly one identity, tn or uri")
        }
        if let tn {
            guard let number = tn.stringValue else {
                throw PASSporTError(code: .invalidClaim, reason: "\(claim).tn must be a string, not \(describe(tn))")
            }
            return try .telephoneNumber(number)
        }
        guard let text = uri?.stringValue else {
            throw PASSporTError(code: .invalidClaim, reason: "\(claim).uri must be a string")
        }
        return try .uri(text)
    }

    /// `{"tn":[…],"uri":[…]}`: arrays of strings, at least one identity (RFC 8225 §5.2.1).
    private static func destination(_ value: JSONValue) throws(PASSporTError) -> DestinationIdentities {
        guard let object = value.objectValue else {
            throw PASSporTError(code: .invalidClaim, reason: "dest must be an object, not \(describe(value))")
        }
        func strings(_ name: String) throws(PASSporTError) -> [String] {
            guard let member = object[name] else { return [] }
            guard let array = member.arrayValue else {
                throw PASSporTError(code: .invalidClaim, reason: "dest.\(name) must be an array, not \(describe(member))")
            }
            var result: [String] = []
            result.reserveCapacity(array.count)
            for element in array {
                guard let text = element.stringValue else {
                    throw PASSporTError(code: .invalidClaim, reason: "dest.\(name) must contain strings only")
                }
                result.append(text)
            }
            return result
        }
        return try DestinationIdentities(telephoneNumbers: try strings("tn"), uris: try strings("uri"))
    }

    /// `{"/jcl":"sha256-…", …}` (RFC 9795 §7): JSON pointers to digest strings.
    private static func integrity(_ value: JSONValue) throws(PASSporTError) -> [String: String] {
        guard let object = value.objectValue, !object.isEmpty else {
            throw PASSporTError(code: .invalidClaim, reason: "rcdi must be a non-empty object")
        }
        var result: [String: String] = [:]
        for member in object {
            guard member.name.hasPrefix("/"), let digest = member.value.stringValue, !digest.isEmpty else {
                throw PASSporTError(code: .invalidClaim, reason: "rcdi maps JSON pointers (\"/…\") to digest strings")
            }
            result[member.name] = digest
        }
        return result
    }

    /// `[{"alg":"sha-256","dig":"…"}, …]` (RFC 8225 §5.2.2).
    private static func mediaKeys(_ value: JSONValue) throws(PASSporTError) -> [MediaKey] {
        guard let array = value.arrayValue, !array.isEmpty else {
            throw PASSporTError(code: .invalidClaim, reason: "mky must be a non-empty array")
        }
        var keys: [MediaKey] = []
        for element in array {
            guard let object = element.objectValue, let alg = object["alg"]?.stringValue, let dig = object["dig"]?.stringValue else {
                throw PASSporTError(code: .invalidClaim, reason: "mky entries must be objects with string alg and dig")
            }
            keys.append(MediaKey(algorithm: alg, digest: dig))
        }
        return keys
    }
}
