import Foundation
import JOSE

/// The ACME registration authority of an STI-CA or STI-SCA (RFC 8555 §7, RFC 9447, RFC 9448,
/// ATIS-1000080 §6.3.5.2, ATIS-1000092): accounts, orders, `tkauth-01` validation, finalization and
/// revocation over the store protocols. Requests arrive already verified by ``ACMERequestVerifier``;
/// results are domain values the HTTP layer renders.
public struct ACMEService: Sendable {
    /// Lifetimes and the advertised token authority.
    public struct Configuration: Sendable {
        /// How long a new order and its authorization stay usable.
        public var orderLifetime: TimeInterval
        /// How long an issued nonce is accepted.
        public var nonceLifetime: TimeInterval
        /// The `token-authority` URL put into challenges (RFC 9447 §3), if any.
        public var tokenAuthority: String?
        /// The SP-CA-proxies trusted to relay newAccount, newOrder and finalize (seed 002 §6.3).
        public var proxyAliases: ACMEProxyAliases
        /// How long before the moment of issuance a certificate's validity starts, so that relying
        /// parties whose clocks run a little behind (or that compare whole seconds) accept it at once
        /// (RFC 5280 §4.1.2.5 leaves the choice to the CA). The certificate's lifetime counts from
        /// its notBefore, so backdating never lengthens it.
        public var backdate: TimeInterval

        /// Creates a configuration.
        public init(
            orderLifetime: TimeInterval = 7 * 86_400, nonceLifetime: TimeInterval = 3_600, tokenAuthority: String? = nil,
            proxyAliases: ACMEProxyAliases = .none, backdate: TimeInterval = 60
        ) {
            self.proxyAliases = proxyAliases
            self.backdate = max(0, backdate)
            self.orderLifetime = orderLifetime
            self.nonceLifetime = nonceLifetime
            self.tokenAuthority = tokenAuthority
        }
    }

    /// URL construction.
    public let linker: ACMELinker
    /// The configuration.
    public let configuration: Configuration
    /// The issuance policy.
    public let policy: IssuancePolicy
    let accounts: any AccountStore
    let orders: any OrderStore
    let nonces: any NonceStore
    let ledger: any CertificateLedger
    let validator: TKAuthValidator
    let issuer: ACMEIssuer
    let environment: ACMEEnvironment

    /// Creates the service.
    public init(
        linker: ACMELinker, configuration: Configuration, policy: IssuancePolicy, accounts: any AccountStore,
        orders: any OrderStore, nonces: any NonceStore, ledger: any CertificateLedger, validator: TKAuthValidator,
        issuer: ACMEIssuer, environment: ACMEEnvironment
    ) {
        self.linker = linker
        self.configuration = configuration
        self.policy = policy
        self.accounts = accounts
        self.orders = orders
        self.nonces = nonces
        self.ledger = ledger
        self.validator = validator
        self.issuer = issuer
        self.environment = environment
    }

    /// Issues a fresh nonce (RFC 8555 §7.2) for a `Replay-Nonce` header.
    ///
    /// - Throws: ``ACMEError/Code/serverInternal`` if the store fails.
    public func newNonce() async throws(ACMEError) -> String {
        let nonce = environment.randomToken()
        let expiry = environment.now().addingTimeInterval(configuration.nonceLifetime)
        try await storage("nonce store") { try await nonces.insertNonce(nonce, expiresAt: expiry) }
        return nonce
    }

    /// A request verifier over the same stores.
    public func requestVerifier(maximumBodySize: Int = 65_536) -> ACMERequestVerifier {
        ACMERequestVerifier(
            accounts: accounts, nonces: nonces, linker: linker, environment: environment, maximumBodySize: maximumBodySize,
            proxyAliases: configuration.proxyAliases
        )
    }

    /// Runs a store call, turning its failure into ``ACMEError/Code/serverInternal``.
    func storage<T>(_ what: String, _ body: () async throws -> T) async throws(ACMEError) -> T {
        do {
            return try await body()
        } catch let error as ACMEError {
            throw error
        } catch {
            throw .serverInternal("\(what): \(error)")
        }
    }

    /// The member `name` of a payload object as a string, if present.
    static func object(_ payload: JSONValue?, _ what: String) throws(ACMEError) -> JSONObject {
        guard let payload else {
            throw ACMEError(.malformed, "\(what) needs a JSON object payload, not POST-as-GET")
        }
        guard let object = payload.objectValue else {
            throw ACMEError(.malformed, "\(what) payload is a JSON \(payload.typeName), not an object")
        }
        return object
    }
}
