import JOSE

/// The protected header of an ACME request JWS (RFC 8555 §6.2): `alg`, `nonce`, `url`, and exactly
/// one of `jwk` and `kid`.
public struct ACMEProtectedHeader: Hashable, Sendable {
    /// How the request names its key.
    public enum KeyReference: Hashable, Sendable {
        /// An embedded key (`jwk`), for newAccount and revocation by certificate key.
        case jwk(JSONWebKey)
        /// An account URL (`kid`).
        case kid(String)
    }

    /// The `alg` value (verified to be ES256 by the parser).
    public let algorithm: String
    /// The `nonce` value, if present (required on the outer JWS, forbidden on a key-change inner JWS).
    public let nonce: String?
    /// The `url` value.
    public let url: String
    /// The key reference.
    public let key: KeyReference

    /// The algorithms accepted for ACME requests: ES256 only, as SHAKEN uses P-256 throughout.
    public static let acceptedAlgorithms = [ES256.algorithm]

    /// Parses and checks a protected header object.
    ///
    /// - Throws: ``ACMEError`` `badSignatureAlgorithm` (with the accepted list), `malformed`
    ///   (missing or mistyped `url`, `crit`, both or neither of `jwk`/`kid`), `badPublicKey`.
    public init(jsonObject object: JSONObject) throws(ACMEError) {
        guard let alg = object["alg"]?.stringValue else {
            throw ACMEError(.badSignatureAlgorithm, "the protected header has no alg string", algorithms: Self.acceptedAlgorithms)
        }
        guard Self.acceptedAlgorithms.contains(alg) else {
            throw ACMEError(.badSignatureAlgorithm, "alg \"\(alg)\" is not accepted; use ES256", algorithms: Self.acceptedAlgorithms)
        }
        guard !object.contains(name: "crit") else {
            throw ACMEError(.malformed, "crit names extensions this server does not understand (RFC 7515 §4.1.11)")
        }
        guard let url = object["url"]?.stringValue, !url.isEmpty else {
            throw ACMEError(.malformed, "the protected header has no url string (RFC 8555 §6.4)")
        }
        var nonce: String?
        if let value = object["nonce"] {
            guard let text = value.stringValue, !text.isEmpty else {
                throw ACMEError(.badNonce, "nonce is not a non-empty string")
            }
            nonce = text
        }
        switch (object["jwk"], object["kid"]) {
        case (.some, .some):
            throw ACMEError(.malformed, "jwk and kid are mutually exclusive (RFC 8555 §6.2)")
        case (.none, .none):
            throw ACMEError(.malformed, "the protected header has neither jwk nor kid (RFC 8555 §6.2)")
        case (.some(let jwk), .none):
            do {
                key = .jwk(try JSONWebKey(jsonValue: jwk))
            } catch {
                throw ACMEError(.badPublicKey, "jwk is not an EC P-256 public key: \(error.reason)")
            }
        case (.none, .some(let kid)):
            guard let text = kid.stringValue else {
                throw ACMEError(.malformed, "kid is a \(kid.typeName), not a string")
            }
            key = .kid(text)
        }
        self.algorithm = alg
        self.nonce = nonce
        self.url = url
    }
}
