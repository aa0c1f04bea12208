/// The durable revocations of the STI-PA and the CRL number counter (RFC 5280 §5.2.3).
///
/// Contract: ``recordRevocation(_:)`` refuses a (serial, issuer) pair already recorded with
/// ``PolicyAdministrationError/Code/alreadyRevoked``; ``revocations()`` lists records in the order recorded;
/// ``allocateCRLNumber()`` returns 1, 2, 3, … — strictly increasing across calls and restarts.
public protocol RevocationStore: Sendable {
    /// Records a revocation.
    func recordRevocation(_ record: RevocationRecord) async throws
    /// Every revocation, in the order recorded.
    func revocations() async throws -> [RevocationRecord]
    /// Takes the next CRL number.
    func allocateCRLNumber() async throws -> UInt64
}
