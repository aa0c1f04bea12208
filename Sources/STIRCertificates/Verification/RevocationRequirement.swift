/// Whether a chain verification must establish that no certificate is revoked (RFC 5280 §6.3;
/// security notes §3.5: an unknown status is never a pass).
public enum RevocationRequirement: Hashable, Sendable {
    /// Every certificate of the chain except the trust anchor must have status
    /// `RevocationStatus.good` from a usable CRL (authentic, in scope, within `nextUpdate` plus the
    /// configured grace). A missing, stale, unauthentic or out-of-scope CRL makes the chain fail with
    /// ``STIChainFailure/Code/revocationUnknown``; a listed serial fails it with ``STIChainFailure/Code/revoked``.
    case required

    /// Revocation is **not checked at all**; the CRL source is never consulted.
    ///
    /// - Warning: Only for offline tools that inspect certificates. A chain validated this way may
    ///   contain revoked certificates; ``ValidatedSTIChain/isRevocationChecked`` is `false` and every
    ///   entry of ``ValidatedSTIChain/revocation`` is `RevocationStatus.unknown`. Never use it to
    ///   decide whether to trust a call.
    case notChecked
}
