import TNAuthList

/// Why an OSP chose its attestation level, kept for audit and traceback (ATIS-1000092 §6.2.1).
public struct AttestationEvidence: Hashable, Sendable {
    /// The signing certificate's subject, when the customer's PASSporT chain validated.
    public var certificateSubject: String?
    /// The signing certificate's serial number (hex).
    public var certificateSerialNumber: String?
    /// SHA-256 of the signing certificate's DER encoding, lowercase hex.
    public var certificateFingerprintSHA256: String?
    /// The signing certificate's TNAuthList scope.
    public var certificateScope: TNScope?
    /// Whether the signing certificate is a delegate certificate (RFC 9060 §4).
    public var isDelegateCertificate: Bool
    /// The verstat of the customer's PASSporT; `nil` when none was sent or needed.
    public var customerVerstat: Verstat?
    /// Why the customer's PASSporT did not count, when it did not.
    public var customerFailure: VerificationFailure?
    /// The explanation of ``customerFailure`` or of a passed PASSporT that still did not justify "A".
    public var customerFailureReason: String?
    /// Further observations (verification notes).
    public var notes: [String]

    /// Evidence with nothing recorded.
    public init() {
        isDelegateCertificate = false
        notes = []
    }
}
