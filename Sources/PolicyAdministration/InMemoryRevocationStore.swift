/// The reference ``RevocationStore``: revocations in memory.
public actor InMemoryRevocationStore: RevocationStore {
    private var records: [RevocationRecord] = []
    private var lastCRLNumber: UInt64 = 0

    /// Creates an empty store.
    public init() {}

    /// See ``RevocationStore/recordRevocation(_:)``.
    public func recordRevocation(_ record: RevocationRecord) throws {
        guard !records.contains(where: { $0.serialNumber == record.serialNumber && $0.issuer == record.issuer }) else {
            throw PolicyAdministrationError(.alreadyRevoked, "serial \(record.serialNumber) of \(record.issuer) is already revoked")
        }
        records.append(record)
    }

    /// See ``RevocationStore/revocations()``.
    public func revocations() -> [RevocationRecord] {
        records
    }

    /// See ``RevocationStore/allocateCRLNumber()``.
    public func allocateCRLNumber() -> UInt64 {
        lastCRLNumber += 1
        return lastCRLNumber
    }
}
