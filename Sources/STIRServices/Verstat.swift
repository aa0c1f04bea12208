/// The verification status a terminating network adds to the caller's identity, the `verstat`
/// tel-URI parameter (3GPP TS 24.229 §7.2A.20, ATIS-1000074 §5.3.2).
public enum Verstat: String, Hashable, Sendable, CaseIterable {
    /// Every check passed: the signer is authorized for the calling number.
    case passed = "TN-Validation-Passed"
    /// A signature or certificate check failed: the identity must not be trusted.
    case failed = "TN-Validation-Failed"
    /// No validation was possible (no usable PASSporT, stale, unreachable certificate, unknown
    /// revocation status); this says nothing either way about the caller.
    case noValidation = "No-TN-Validation"
}
