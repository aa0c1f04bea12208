/// The outcome of ``STIChainVerifier/verify(leaf:intermediates:at:)`` (RFC 5280 §6; RFC 9060 §4).
///
/// Verification does not throw: failures are values with reasons.
public enum STIChainVerificationResult: Sendable {
    /// A chain to a trust anchor met every rule.
    case valid(ValidatedSTIChain)
    /// No chain met every rule. The failures of every candidate chain, without duplicates, in the
    /// order found; never empty.
    case invalid([STIChainFailure])

    /// The validated chain, or `nil`.
    public var validatedChain: ValidatedSTIChain? {
        if case .valid(let chain) = self { return chain }
        return nil
    }

    /// The failures; empty when valid.
    public var failures: [STIChainFailure] {
        if case .invalid(let failures) = self { return failures }
        return []
    }
}
