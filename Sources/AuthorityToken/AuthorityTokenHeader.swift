import JOSE

/// The JOSE header of an SPC token: `{"alg":"ES256","typ":"JWT","x5u":"https://…"}`
/// (RFC 9447 §4, ATIS-1000080 §6.3.5.2).
///
/// The algorithm is pinned to ES256; the token authority's key comes only from the certificate at
/// `x5u`, so `jwk`, `jku` and `x5c` are refused, as is any `crit`.
public struct AuthorityTokenHeader: Hashable, Sendable {
    /// The `alg` value, always `ES256`.
    public var algorithm: String { ES256.algorithm }
    /// The `typ` value, `JWT` (RFC 7519 §5.1).
    public static let type = "JWT"
    /// The https URL of the token authority's certificate (RFC 7515 §4.1.5).
    public let x5u: String

    /// Creates a header naming the token authority's certificate URL.
    ///
    /// - Throws: ``AuthorityTokenError/Code/invalidHeaderParameter`` unless `x5u` is an https URL.
    public init(x5u: String) throws(AuthorityTokenError) {
        guard x5u.lowercased().hasPrefix("https://"), x5u.utf8.count > 8 else {
            throw AuthorityTokenError(code: .invalidHeaderParameter, reason: "x5u \"\(x5u)\" is not an https URL")
        }
        self.x5u = x5u
    }

    /// Reads a received header object.
    ///
    /// - Throws: ``AuthorityTokenError`` (`unsupportedAlgorithm`, `unsupportedType`, `forbiddenHeader`,
    ///   `unknownCritical`, `missingHeaderParameter`, `invalidHeaderParameter`).
    init(jsonObject object: JSONObject) throws(AuthorityTokenError) {
        guard let alg = object["alg"] else {
            throw AuthorityTokenError(code: .missingHeaderParameter, reason: "header has no alg")
        }
        guard alg.stringValue == ES256.algorithm else {
            throw AuthorityTokenError(code: .unsupportedAlgorithm, reason: "alg \(Self.show(alg)) is not ES256")
        }
        if let typ = object["typ"] {
            guard typ.stringValue?.uppercased() == Self.type else {
                throw AuthorityTokenError(code: .unsupportedType, reason: "typ \(Self.show(typ)) is not JWT")
            }
        }
        for name in ["jwk", "jku", "x5c"] where object.contains(name: name) {
            throw AuthorityTokenError(code: .forbiddenHeader, reason: "header carries \(name); the key must come from x5u")
        }
        guard !object.contains(name: "crit") else {
            throw AuthorityTokenError(code: .unknownCritical, reason: "crit header parameter is not understood")
        }
        guard let x5u = object["x5u"] else {
            throw AuthorityTokenError(code: .missingHeaderParameter, reason: "header has no x5u")
        }
        guard let text = x5u.stringValue else {
            throw AuthorityTokenError(code: .invalidHeaderParameter, reason: "x5u is a \(x5u.typeName), not a string")
        }
        try self.init(x5u: text)
    }

    /// The header as a JSON object.
    var jsonValue: JSONValue {
        .object(JSONObject(sortedUniqueMembers: [
            .init("alg", .string(ES256.algorithm)),
            .init("typ", .string(Self.type)),
            .init("x5u", .string(x5u)),
        ]))
    }

    private static func show(_ value: JSONValue) -> String {
        value.stringValue.map { "\"\($0)\"" } ?? value.typeName
    }
}
