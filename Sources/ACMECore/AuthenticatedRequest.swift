import JOSE

/// A request whose JWS verified with the key of an existing, valid account named by `kid`, whose
/// nonce was consumed and whose `url` matched (RFC 8555 §6.2–§6.5). Only ``ACMERequestVerifier`` makes one.
public struct AuthenticatedRequest: Hashable, Sendable {
    /// The authenticated account.
    public let account: ACMEAccount
    /// The payload JSON, or `nil` for POST-as-GET (§6.3).
    public let payload: JSONValue?
    /// The payload bytes as received (decoded from base64url).
    public let payloadBytes: [UInt8]
    /// The verified header.
    public let header: ACMEProtectedHeader

    /// Whether this is a POST-as-GET (empty payload, §6.3).
    public var isPostAsGet: Bool { payload == nil }

    init(account: ACMEAccount, payload: JSONValue?, payloadBytes: [UInt8], header: ACMEProtectedHeader) {
        self.account = account
        self.payload = payload
        self.payloadBytes = payloadBytes
        self.header = header
    }
}

/// A request whose JWS verified with the key it embeds (`jwk`): proof of possession only, no account
/// (RFC 8555 §6.2; newAccount §7.3 and revocation by certificate key §7.6).
public struct KeyAuthenticatedRequest: Hashable, Sendable {
    /// The key that signed the request.
    public let key: JSONWebKey
    /// The payload JSON, or `nil` for an empty payload.
    public let payload: JSONValue?
    /// The payload bytes as received.
    public let payloadBytes: [UInt8]
    /// The verified header.
    public let header: ACMEProtectedHeader

    init(key: JSONWebKey, payload: JSONValue?, payloadBytes: [UInt8], header: ACMEProtectedHeader) {
        self.key = key
        self.payload = payload
        self.payloadBytes = payloadBytes
        self.header = header
    }
}

/// A verified request to an endpoint that accepts either key form (revokeCert, RFC 8555 §7.6).
public enum VerifiedRequest: Hashable, Sendable {
    /// Signed by an account key, named by `kid`.
    case account(AuthenticatedRequest)
    /// Signed by the embedded `jwk`.
    case key(KeyAuthenticatedRequest)

    /// The payload JSON.
    public var payload: JSONValue? {
        switch self {
        case .account(let request): request.payload
        case .key(let request): request.payload
        }
    }
}
