import ACMECore
import Crypto
import JOSE

/// A test ACME client key that signs request JWSs (RFC 8555 §6.2) the way a client would.
public struct ACMEClientKey: Sendable {
    /// The private key.
    public let privateKey: P256.Signing.PrivateKey

    /// Wraps a key.
    public init(_ privateKey: P256.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// The public JWK.
    public var jwk: JSONWebKey { JSONWebKey(publicKey: privateKey.publicKey) }

    /// A request body: flattened JWS with `alg`, `url`, optional `nonce`, and `jwk` (when `kid` is nil)
    /// or `kid`; `extra` members are added to the protected header as they are.
    public func sign(
        url: String, nonce: String?, kid: String?, payload: JSONValue?, extra: [JSONObject.Member] = []
    ) throws -> [UInt8] {
        try signJWS(url: url, nonce: nonce, kid: kid, payload: payload, extra: extra).serialized
    }

    /// As ``sign(url:nonce:kid:payload:extra:)``, returning the JWS value.
    public func signJWS(
        url: String, nonce: String?, kid: String?, payload: JSONValue?, extra: [JSONObject.Member] = []
    ) throws -> FlattenedJWS {
        var members: [JSONObject.Member] = [.init("alg", .string("ES256")), .init("url", .string(url))]
        if let nonce { members.append(.init("nonce", .string(nonce))) }
        if let kid { members.append(.init("kid", .string(kid))) } else { members.append(.init("jwk", jwk.jsonValue)) }
        members += extra
        let body = payload.map { CanonicalJSON.encode($0) } ?? []
        return try FlattenedJWS.signES256(protectedHeader: try JSONObject(members), payload: body, using: privateKey)
    }
}
