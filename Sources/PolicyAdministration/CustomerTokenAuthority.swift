import AuthorityToken
import Foundation
import TNAuthList

/// A TN service provider acting as the token authority for its customers' TNs (ATIS-1000092; issue
/// item 4): it records what it delegates to each customer — never beyond what it holds — and signs
/// SPC-style tokens (RFC 9447, RFC 9448) with its own token-signing key, only inside a customer's delegation.
public struct CustomerTokenAuthority: Sendable {
    /// The numbers the provider holds (its STI-SCA scope).
    public let providerScope: TNScope
    private let registry: any DelegationRegistry
    private let minting: TokenMinting
    private let now: @Sendable () -> Date

    /// Creates the authority.
    ///
    /// - Parameters:
    ///   - providerScope: The provider's own scope.
    ///   - registry: Its delegation records.
    ///   - signer: Its token signer (`x5u` of its token-signing certificate).
    ///   - issuer: The `iss` claim.
    ///   - tokenLifetime: Seconds to `exp`.
    ///   - crlURL: The CRL URL returned with tokens (the STI-SCA's CRL).
    ///   - now: The clock.
    ///   - makeTokenID: The `jti` generator.
    public init(
        providerScope: TNScope,
        registry: any DelegationRegistry,
        signer: AuthorityTokenSigner,
        issuer: String,
        tokenLifetime: TimeInterval = 3600,
        crlURL: String,
        now: @escaping @Sendable () -> Date,
        makeTokenID: @escaping @Sendable () -> String
    ) {
        self.providerScope = providerScope
        self.registry = registry
        self.minting = TokenMinting(signer: signer, issuer: issuer, lifetime: tokenLifetime, crlURL: crlURL, makeTokenID: makeTokenID)
        self.now = now
    }

    /// Registers a customer with the numbers delegated to it (RFC 9060 §4: encompassed by the provider's scope).
    ///
    /// - Throws: ``PolicyAdministrationError/Code/delegationOutsideScope``.
    public func registerCustomer(_ delegation: Delegation) async throws {
        let verdict = providerScope.encompasses(TNScope(delegation.tnAuthList))
        guard verdict == .encompassed else {
            throw PolicyAdministrationError(
                .delegationOutsideScope,
                "\(delegation.tnAuthList) is outside the numbers this provider holds: \(verdict)"
            )
        }
        try await registry.recordDelegation(delegation)
    }

    /// Signs a token for `customer` binding `request` (numbers inside the delegation; `ca` only if allowed).
    ///
    /// - Throws: ``PolicyAdministrationError/Code/unknownCustomer``, ``PolicyAdministrationError/Code/delegationOutsideScope``
    ///   or ``PolicyAdministrationError/Code/signingFailed``.
    public func issueToken(for customer: CustomerID, request: SPCTokenRequest) async throws -> SPCTokenGrant {
        _ = try await SPPAProxy.checkedDelegation(registry, customer: customer, requested: request.atc.tnAuthList, ca: request.atc.isCA)
        return try minting.mint(request.atc, at: now())
    }
}
