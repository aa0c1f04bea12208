import Crypto
import Foundation
import JOSE

/// An RFC 8555 ACME client for STI certificates (ATIS-1000080 §6.3.5.2, RFC 9447, RFC 9448): the
/// directory, nonce management (each `Replay-Nonce` reused, one retry on `badNonce`, §6.5),
/// accounts and key change, orders with one TNAuthList identifier, `tkauth-01` answered with the SPC
/// token, polling bounded and guided by `Retry-After`, finalization, download and revocation.
///
/// Every request is a flattened JWS signed with ES256 by the P-256 account key (§6.2). Problem
/// documents become ``HTTPClientError`` `acmeProblem` carrying the ``ACMEProblem``.
public actor ACMEClient {
    /// Client behaviour.
    public struct Configuration: Sendable {
        /// The directory URL.
        public var directoryURL: String
        /// The member carrying the token in the challenge response: `atc` (ATIS-1000080, acme2certifier)
        /// or `tkauth` (RFC 9447 reading of other servers); spec digest §4.5 step 5.
        public var challengeResponseKey: String
        /// The wait between polls when the server sends no `Retry-After`.
        public var pollInterval: Duration
        /// The longest wait honoured from a `Retry-After`.
        public var maximumRetryAfter: Duration
        /// The most polls of one resource before ``HTTPClientError/Code/pollingExhausted``.
        public var maximumPolls: Int
        /// Contact URLs sent with newAccount (§7.3).
        public var contact: [String]

        /// Creates a configuration.
        public init(
            directoryURL: String, challengeResponseKey: String = "atc", pollInterval: Duration = .seconds(1),
            maximumRetryAfter: Duration = .seconds(10), maximumPolls: Int = 30, contact: [String] = []
        ) {
            self.directoryURL = directoryURL
            self.challengeResponseKey = challengeResponseKey
            self.pollInterval = pollInterval
            self.maximumRetryAfter = maximumRetryAfter
            self.maximumPolls = maximumPolls
            self.contact = contact
        }
    }

    /// The configuration.
    public let configuration: Configuration
    let transport: HTTPSClient
    let sleep: @Sendable (Duration) async throws -> Void
    /// The current account key.
    public internal(set) var accountKey: P256.Signing.PrivateKey
    /// The account URL (`kid`), once registered or found.
    public internal(set) var accountURL: String?
    var cachedDirectory: ACMEDirectory?
    var nonces: [String] = []
    /// How many requests the server refused with `badNonce` (for diagnostics and tests).
    public private(set) var badNonceCount = 0

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Directory and behaviour.
    ///   - accountKey: The P-256 account key.
    ///   - accountURL: A known account URL, to skip newAccount.
    ///   - transport: The HTTPS transport (its trust roots name the CA's TLS root).
    ///   - sleep: How to wait between polls.
    public init(
        configuration: Configuration, accountKey: P256.Signing.PrivateKey, accountURL: String? = nil, transport: HTTPSClient,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.configuration = configuration
        self.accountKey = accountKey
        self.accountURL = accountURL
        self.transport = transport
        self.sleep = sleep
    }

    /// The account public key as a JWK (RFC 7517), whose RFC 7638 thumbprint goes into the SPC
    /// token's `fingerprint` (RFC 9448 §5).
    public var accountJWK: JSONWebKey { JSONWebKey(publicKey: accountKey.publicKey) }

    /// The directory (§7.1.1), fetched once.
    ///
    /// - Throws: ``HTTPClientError``.
    public func directory() async throws(HTTPClientError) -> ACMEDirectory {
        if let cachedDirectory { return cachedDirectory }
        let response = try await transport.send(HTTPSRequest(url: configuration.directoryURL))
        try Self.requireSuccess(response, "directory")
        let directory = try ACMEDirectory(ACMEJSON.object(response.body, "directory"))
        cachedDirectory = directory
        return directory
    }

    /// A nonce: a saved `Replay-Nonce`, else a fresh one from newNonce (§7.2).
    func nonce() async throws(HTTPClientError) -> String {
        if !nonces.isEmpty { return nonces.removeLast() }
        let url = try await directory().newNonce
        let response = try await transport.send(HTTPSRequest(method: "HEAD", url: url))
        guard (200...299).contains(response.status), let nonce = response.header("Replay-Nonce"), !nonce.isEmpty else {
            throw HTTPClientError(.missingHeader, "newNonce answered \(response.status) without a Replay-Nonce")
        }
        return nonce
    }

    /// Which key and key form sign a request (§6.2).
    enum Signer {
        /// The account key, named by `kid`.
        case account
        /// A key given by `jwk` (newAccount, revocation by certificate key).
        case jwk(P256.Signing.PrivateKey)
    }

    /// Sends a signed POST (§6.2-§6.3); `payload == nil` is POST-as-GET. Retries once with the nonce
    /// of a `badNonce` answer (§6.5). Non-2xx answers throw.
    func post(
        _ url: String, payload: JSONValue?, signer: Signer = .account, accept: String? = nil
    ) async throws(HTTPClientError) -> HTTPSResponse {
        for attempt in 0..<2 {
            let body = try await signedBody(url: url, payload: payload, signer: signer)
            var headers = [HTTPHeaderField("Content-Type", "application/jose+json")]
            if let accept { headers.append(HTTPHeaderField("Accept", accept)) }
            let response = try await transport.send(HTTPSRequest(method: "POST", url: url, headers: headers, body: body))
            if let nonce = response.header("Replay-Nonce"), !nonce.isEmpty { nonces.append(nonce) }
            if (200...299).contains(response.status) { return response }
            let error = Self.failure(response, url)
            guard error.problem?.isACMEError("badNonce") == true else { throw error }
            badNonceCount += 1
            if attempt == 1 {
                throw HTTPClientError(.nonceRetryExhausted, "\(url) refused a fresh nonce twice: \(error.reason)", problem: error.problem)
            }
        }
        throw HTTPClientError(.nonceRetryExhausted, "\(url) refused a fresh nonce twice")
    }

    private func signedBody(url: String, payload: JSONValue?, signer: Signer) async throws(HTTPClientError) -> [UInt8] {
        let nonce = try await nonce()
        var members: [JSONObject.Member] = [.init("alg", .string(ES256.algorithm)), .init("nonce", .string(nonce)), .init("url", .string(url))]
        let key: P256.Signing.PrivateKey
        switch signer {
        case .account:
            guard let accountURL else {
                throw HTTPClientError(.signingFailed, "no account URL: register or look up the account first")
            }
            members.append(.init("kid", .string(accountURL)))
            key = accountKey
        case .jwk(let jwkKey):
            members.append(.init("jwk", JSONWebKey(publicKey: jwkKey.publicKey).jsonValue))
            key = jwkKey
        }
        do {
            let header = try JSONObject(members)
            return try FlattenedJWS.signES256(
                protectedHeader: header, payload: payload.map { CanonicalJSON.encode($0) } ?? [], using: key
            ).serialized
        } catch {
            throw HTTPClientError(.signingFailed, "cannot sign the request to \(url): \(error.reason)")
        }
    }

    /// The error for a non-2xx answer: the problem document when there is one (§6.7).
    static func failure(_ response: HTTPSResponse, _ url: String) -> HTTPClientError {
        if let object = try? ACMEJSON.object(response.body, "problem"), object["type"] != nil {
            let problem = ACMEProblem(jsonObject: object, httpStatus: response.status)
            return HTTPClientError(.acmeProblem, "\(url) answered \(response.status): \(problem)", problem: problem)
        }
        return HTTPClientError(.unexpectedStatus, "\(url) answered \(response.status) without a problem document")
    }

    static func requireSuccess(_ response: HTTPSResponse, _ what: String) throws(HTTPClientError) {
        guard (200...299).contains(response.status) else { throw failure(response, what) }
    }

    static func location(_ response: HTTPSResponse, _ what: String) throws(HTTPClientError) -> String {
        guard let location = response.header("Location"), !location.isEmpty else {
            throw HTTPClientError(.missingHeader, "\(what) response has no Location")
        }
        return location
    }
}
