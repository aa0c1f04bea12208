import PASSporT

/// An OSP's attestation decision and its signed SHAKEN PASSporT (RFC 8588 §4, ATIS-1000092 §6.2.1).
public struct AttestationDecision: Hashable, Sendable {
    /// The attestation level signed into `attest`.
    public var level: Attestation
    /// The rule that decided it.
    public var rule: AttestationRule
    /// What the decision rests on.
    public var evidence: AttestationEvidence
    /// The OSP's own `ppt=shaken` Identity header value, with the call's `origid`.
    public var identityHeader: String

    /// Creates a decision.
    public init(level: Attestation, rule: AttestationRule, evidence: AttestationEvidence, identityHeader: String) {
        self.level = level
        self.rule = rule
        self.evidence = evidence
        self.identityHeader = identityHeader
    }
}
