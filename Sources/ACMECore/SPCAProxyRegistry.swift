import AuthorityToken
import JOSE

/// What a provider's SP-CA-proxy remembers between the requests it relays (seed 002 §6.3, figures
/// 9–10): which customer obtained a token for which account key (recorded by the SP-PA-proxy), which
/// STI-CA account URL belongs to which customer and key, and which order carries which identifier.
///
/// Contract: every `record…` replaces an earlier record under the same key.
public protocol SPCAProxyRegistry: Sendable {
    /// Records that `customer` obtained a token bound to `fingerprint` (figure 9 step 4).
    func recordTokenHolder(_ fingerprint: AccountKeyFingerprint, customer: String) async throws
    /// The customer that obtained a token for `fingerprint`, if any.
    func customer(forAccountKey fingerprint: AccountKeyFingerprint) async throws -> String?
    /// Records an STI-CA account created through the proxy (figure 10 step 8).
    func recordAccount(_ account: SPCAProxyAccount) async throws
    /// The account at an STI-CA account URL (`kid`), if created through the proxy.
    func account(at url: String) async throws -> SPCAProxyAccount?
    /// Records an order created through the proxy (figure 10 step 12).
    func recordOrder(_ order: SPCAProxyOrder) async throws
    /// The order with STI-CA order ID `id`, if created through the proxy.
    func order(id: String) async throws -> SPCAProxyOrder?
}
