import AuthorityToken
import TNAuthList

/// The SP-PA-Proxy of seed 002 §6.2–§6.3 (figure 9): it builds the token request a PBX customer's
/// KMS asks for, adding the TNs the provider delegated to that PBX, so the provider (not the PBX) asks
/// the STI-PA for a token limited to the PBX's numbers.
public struct SPPAProxy: Sendable {
    private let registry: any DelegationRegistry

    /// Creates the proxy over the provider's delegation records.
    public init(registry: any DelegationRegistry) {
        self.registry = registry
    }

    /// Figure 9 step 2: the request to forward to the STI-PA for `customer`.
    ///
    /// - Parameters:
    ///   - customer: The PBX customer.
    ///   - fingerprint: The PBX's ACME account key fingerprint.
    ///   - requested: A subset of the delegated numbers, or `nil` for all of them.
    ///   - ca: Whether the PBX asks for a CA token.
    /// - Throws: ``PolicyAdministrationError/Code/unknownCustomer`` or
    ///   ``PolicyAdministrationError/Code/delegationOutsideScope`` (numbers not delegated, or `ca` not allowed).
    public func tokenRequest(
        forCustomer customer: CustomerID,
        fingerprint: AccountKeyFingerprint,
        requested: TNAuthorizationList? = nil,
        ca: Bool = false
    ) async throws -> SPCTokenRequest {
        let delegation = try await Self.checkedDelegation(registry, customer: customer, requested: requested, ca: ca)
        do {
            return SPCTokenRequest(atc: try AuthorityTokenClaims.ATC(
                tnAuthList: requested ?? delegation.tnAuthList, isCA: ca, fingerprint: fingerprint
            ))
        } catch {
            throw PolicyAdministrationError(.malformedATC, "atc: \(error.reason)")
        }
    }

    /// The customer's delegation after checking that `requested` and `ca` lie inside it.
    static func checkedDelegation(
        _ registry: any DelegationRegistry,
        customer: CustomerID,
        requested: TNAuthorizationList?,
        ca: Bool
    ) async throws -> Delegation {
        guard let delegation = try await registry.delegation(for: customer) else {
            throw PolicyAdministrationError(.unknownCustomer, "no delegation recorded for customer \(customer)")
        }
        if let requested {
            let verdict = TNScope(delegation.tnAuthList).encompasses(TNScope(requested))
            guard verdict == .encompassed else {
                throw PolicyAdministrationError(.delegationOutsideScope, "\(requested) is not delegated to \(customer): \(verdict)")
            }
        }
        guard !ca || delegation.mayObtainCA else {
            throw PolicyAdministrationError(.delegationOutsideScope, "customer \(customer) may not obtain a CA token")
        }
        return delegation
    }
}
