import JOSE

extension AuthorityTokenClaims {
    /// Reads a received claims object (RFC 9447 §4, RFC 9448 §5). Unknown top-level claims are
    /// ignored (RFC 7519 §4).
    ///
    /// - Throws: ``AuthorityTokenError`` (`missingClaim`, `invalidClaim` and the `atc` codes).
    init(jsonObject object: JSONObject) throws(AuthorityTokenError) {
        guard let atcValue = object["atc"] else {
            throw AuthorityTokenError(code: .missingClaim, reason: "claims have no atc")
        }
        guard let atcObject = atcValue.objectValue else {
            throw AuthorityTokenError(code: .invalidClaim, reason: "atc is a \(atcValue.typeName), not an object")
        }
        let atc = try ATC(jsonObject: atcObject)
        var notBefore: Int64?
        if object["nbf"] != nil {
            notBefore = try Self.integer(object, "nbf")
        }
        try self.init(
            issuer: Self.string(object, "iss"),
            expiresAt: Self.integer(object, "exp"),
            tokenID: Self.string(object, "jti"),
            notBefore: notBefore,
            atc: atc
        )
    }

    /// The claims as canonical JSON bytes: members in code-point order, no whitespace (RFC 7638 §3.3 rules).
    ///
    /// - Throws: ``AuthorityTokenError/Code/invalidTokenValue`` if the TNAuthList cannot be encoded.
    public func canonicalJSON() throws(AuthorityTokenError) -> [UInt8] {
        var members: [JSONObject.Member] = [
            .init("atc", try atc.jsonValue()),
            .init("exp", .integer(expiresAt)),
            .init("iss", .string(issuer)),
            .init("jti", .string(tokenID)),
        ]
        if let notBefore {
            members.append(.init("nbf", .integer(notBefore)))
        }
        return CanonicalJSON.encode(.object(JSONObject(sortedUniqueMembers: members)))
    }

    private static func string(_ object: JSONObject, _ name: String) throws(AuthorityTokenError) -> String {
        guard let value = object[name] else {
            throw AuthorityTokenError(code: .missingClaim, reason: "claims have no \(name)")
        }
        guard let text = value.stringValue else {
            throw AuthorityTokenError(code: .invalidClaim, reason: "\(name) is a \(value.typeName), not a string")
        }
        return text
    }

    private static func integer(_ object: JSONObject, _ name: String) throws(AuthorityTokenError) -> Int64 {
        guard let value = object[name] else {
            throw AuthorityTokenError(code: .missingClaim, reason: "claims have no \(name)")
        }
        guard let number = value.integerValue, number >= 0 else {
            throw AuthorityTokenError(code: .invalidClaim, reason: "\(name) is not a non-negative integer NumericDate")
        }
        return number
    }
}
