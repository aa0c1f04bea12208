/// The rule that decided an OSP's attestation level (ATIS-1000074 §5.2.4, ATIS-1000092 §4.2, §6.2.1).
public enum AttestationRule: String, Hashable, Sendable, CaseIterable {
    /// "A": the OSP assigned the calling number to this direct, authenticated customer
    /// (all three conditions of ATIS-1000092 §1.2 hold from the OSP's own records).
    case assignedNumber
    /// "A": the customer's PASSporT fully verified and was signed with a delegate certificate whose
    /// TNAuthList contains the calling number (ATIS-1000092 §4.2, §6.2.1).
    case delegateCertificate
    /// "B": a direct, authenticated customer, but the OSP cannot verify the calling number.
    case directCustomerUnverifiedNumber
    /// "C": the OSP can authenticate neither the customer nor the number (gateway).
    case gateway
}
