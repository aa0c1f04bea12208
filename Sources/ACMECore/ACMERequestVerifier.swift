import Foundation
import JOSE

/// Checks ACME request JWSs (RFC 8555 §6.2–§6.5), in the order Boulder's WFE does: size, flattened
/// JWS shape, no unprotected header, protected header (ES256 only, no `crit`, `url`, exactly one of
/// `jwk`/`kid`), the key form the endpoint allows, the account named by `kid` (exact URL, exists,
/// valid), the signature over the received bytes, the `url` against the request URL, and the nonce
/// (consumed exactly once), then the payload as strict JSON (duplicate names rejected).
///
/// A `Replay-Nonce` request header is the HTTP layer's check.
public struct ACMERequestVerifier: Sendable {
    /// Which key forms an endpoint accepts (RFC 8555 §6.2).
    public enum KeyForm: Hashable, Sendable {
        /// `jwk` only: newAccount.
        case jwk
        /// `kid` only: every endpoint other than newAccount and revokeCert.
        case kid
        /// Either: revokeCert.
        case jwkOrKid
    }

    /// The largest accepted request body, in bytes.
    public let maximumBodySize: Int
    private let accounts: any AccountReader
    private let nonces: any NonceStore
    private let linker: ACMELinker
    private let environment: ACMEEnvironment
    private let proxyAliases: ACMEProxyAliases

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - accounts: account lookup for `kid`.
    ///   - nonces: the nonce store.
    ///   - linker: the URL builder that defines valid `kid` values.
    ///   - environment: time.
    ///   - maximumBodySize: the body limit (default 64 KiB).
    ///   - proxyAliases: the SP-CA-proxies whose URLs `url` may name for relayed resources (seed 002 §6.3).
    public init(
        accounts: any AccountReader, nonces: any NonceStore, linker: ACMELinker, environment: ACMEEnvironment,
        maximumBodySize: Int = 65_536, proxyAliases: ACMEProxyAliases = .none
    ) {
        self.proxyAliases = proxyAliases
        self.accounts = accounts
        self.nonces = nonces
        self.linker = linker
        self.environment = environment
        self.maximumBodySize = maximumBodySize
    }

    /// Verifies a request signed by an account (`kid`).
    ///
    /// - Parameters:
    ///   - body: the HTTP request body.
    ///   - url: the URL the request was received at.
    /// - Throws: ``ACMEError``; see the type's description.
    public func verifyAccountRequest(body: [UInt8], url: String) async throws(ACMEError) -> AuthenticatedRequest {
        guard case .account(let request) = try await verify(body: body, url: url, keyForm: .kid) else {
            throw ACMEError(.malformed, "this endpoint needs kid, not jwk (RFC 8555 §6.2)")
        }
        return request
    }

    /// Verifies a request signed by the key it embeds (`jwk`): newAccount.
    ///
    /// - Throws: ``ACMEError``; see the type's description.
    public func verifyKeyRequest(body: [UInt8], url: String) async throws(ACMEError) -> KeyAuthenticatedRequest {
        guard case .key(let request) = try await verify(body: body, url: url, keyForm: .jwk) else {
            throw ACMEError(.malformed, "this endpoint needs jwk, not kid (RFC 8555 §6.2)")
        }
        return request
    }

    /// Verifies a request to an endpoint with the given key form.
    ///
    /// - Throws: ``ACMEError``; see the type's description.
    public func verify(body: [UInt8], url: String, keyForm: KeyForm) async throws(ACMEError) -> VerifiedRequest {
        let (jws, header) = try Self.readRequest(body, maximumBodySize: maximumBodySize)
        let signer: VerifiedSigner
        switch (header.key, keyForm) {
        case (.jwk, .kid):
            throw ACMEError(.malformed, "this endpoint needs kid, not jwk (RFC 8555 §6.2)")
        case (.kid, .jwk):
            throw ACMEError(.malformed, "this endpoint needs jwk, not kid (RFC 8555 §6.2)")
        case (.jwk(let key), _):
            signer = .key(key)
        case (.kid(let kid), _):
            signer = .account(try await account(named: kid))
        }
        try Self.checkSignature(jws, key: signer.key)
        guard header.url == url || proxyAliases.accepts(headerURL: header.url, requestURL: url, baseURL: linker.baseURL) else {
            throw ACMEError(.unauthorized, "url \"\(header.url)\" differs from the request URL \"\(url)\" (RFC 8555 §6.4)")
        }
        guard let nonce = header.nonce else {
            throw ACMEError(.badNonce, "the protected header has no nonce (RFC 8555 §6.5)")
        }
        let fresh: Bool
        do {
            fresh = try await nonces.consumeNonce(nonce, now: environment.now())
        } catch {
            throw .serverInternal("nonce store: \(error)")
        }
        guard fresh else {
            throw ACMEError(.badNonce, "nonce is unknown, used or expired (RFC 8555 §6.5)")
        }
        let payload = try Self.parsePayload(jws)
        switch signer {
        case .account(let account):
            return .account(AuthenticatedRequest(account: account, payload: payload, payloadBytes: jws.payload, header: header))
        case .key(let key):
            return .key(KeyAuthenticatedRequest(key: key, payload: payload, payloadBytes: jws.payload, header: header))
        }
    }

    private enum VerifiedSigner {
        case account(ACMEAccount)
        case key(JSONWebKey)

        var key: JSONWebKey {
            switch self {
            case .account(let account): account.key
            case .key(let key): key
            }
        }
    }

    private func account(named kid: String) async throws(ACMEError) -> ACMEAccount {
        guard let id = linker.accountID(fromKeyID: kid) else {
            throw ACMEError(.accountDoesNotExist, "kid \"\(kid)\" is not an account URL of this server")
        }
        let found: ACMEAccount?
        do {
            found = try await accounts.account(id)
        } catch {
            throw .serverInternal("account store: \(error)")
        }
        guard let account = found else {
            throw ACMEError(.accountDoesNotExist, "no account at \"\(kid)\"")
        }
        guard account.status == .valid else {
            throw ACMEError(.unauthorized, "account is \(account.status.rawValue) (RFC 8555 §7.3.6)")
        }
        return account
    }

    /// Parses a flattened JWS and refuses an unprotected header (RFC 8555 §6.2).
    /// The size limit, the flattened JWS shape and the protected header (RFC 8555 §6.2): everything
    /// that can be checked before the signing key is known.
    static func readRequest(_ body: [UInt8], maximumBodySize: Int) throws(ACMEError) -> (jws: FlattenedJWS, header: ACMEProtectedHeader) {
        guard body.count <= maximumBodySize else {
            throw ACMEError(.malformed, "request body of \(body.count) bytes exceeds \(maximumBodySize)", httpStatus: 413)
        }
        let jws = try parseJWS(body, maximumLength: maximumBodySize)
        return (jws, try parseHeader(jws))
    }

    /// The ES256 signature over the received bytes (RFC 8555 §6.2, RFC 7515 §5.2).
    static func checkSignature(_ jws: FlattenedJWS, key: JSONWebKey) throws(ACMEError) {
        do {
            try ES256.verify(signature: jws.signature, over: jws.signingInput, using: try key.publicKey())
        } catch {
            throw ACMEError(.malformed, "JWS signature does not verify: \(error.reason)")
        }
    }

    static func parseJWS(_ bytes: [UInt8], maximumLength: Int) throws(ACMEError) -> FlattenedJWS {
        let jws: FlattenedJWS
        do {
            jws = try FlattenedJWS(bytes: bytes, maximumLength: maximumLength)
        } catch {
            throw ACMEError(.malformed, "request is not a flattened JWS (RFC 8555 §6.2): \(error.reason)")
        }
        guard jws.unprotectedHeader == nil else {
            throw ACMEError(.malformed, "the JWS has an unprotected header (RFC 8555 §6.2)")
        }
        return jws
    }

    /// Parses the protected header as strict JSON.
    static func parseHeader(_ jws: FlattenedJWS) throws(ACMEError) -> ACMEProtectedHeader {
        guard let object = try strictJSON(jws.protectedHeader, part: "protected header").objectValue else {
            throw ACMEError(.malformed, "the protected header is not a JSON object")
        }
        return try ACMEProtectedHeader(jsonObject: object)
    }

    /// The payload as strict JSON, or `nil` when empty (POST-as-GET, RFC 8555 §6.3).
    static func parsePayload(_ jws: FlattenedJWS) throws(ACMEError) -> JSONValue? {
        guard !jws.payload.isEmpty else { return nil }
        return try strictJSON(jws.payload, part: "payload")
    }

    private static func strictJSON(_ bytes: [UInt8], part: String) throws(ACMEError) -> JSONValue {
        do {
            return try StrictJSONParser(maximumBytes: 65_536, maximumDepth: 16).parse(bytes)
        } catch {
            throw ACMEError(.malformed, "\(part) is not strict JSON: \(error.reason)")
        }
    }
}
