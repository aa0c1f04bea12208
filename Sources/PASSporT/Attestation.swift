/// The SHAKEN attestation level, claim `attest` (RFC 8588 §4).
public enum Attestation: String, Hashable, Sendable, CaseIterable {
    /// Full attestation, `"A"`: the signer knows the customer and their right to the number.
    case full = "A"
    /// Partial attestation, `"B"`: the signer knows the customer but not their right to the number.
    case partial = "B"
    /// Gateway attestation, `"C"`: the signer only knows where the call entered its network.
    case gateway = "C"
}
