import TNAuthList

/// What an originating service provider (OSP) knows about the customer placing a call
/// (ATIS-1000074 §5.2.4 attestation conditions, ATIS-1000092 §1.2 and §4.2).
public struct OSPCustomerRecord: Hashable, Sendable {
    /// The OSP's identifier for the customer.
    public var id: String
    /// Whether the OSP has a direct, authenticated UNI relationship with the customer
    /// (attestation condition 2 of ATIS-1000092 §1.2).
    public var isDirectCustomer: Bool
    /// The numbers the OSP itself assigned to this customer (condition 3 of ATIS-1000092 §1.2).
    public var assignedNumbers: TNScope

    /// Creates a customer record.
    public init(id: String, isDirectCustomer: Bool, assignedNumbers: TNScope = TNScope()) {
        self.id = id
        self.isDirectCustomer = isDirectCustomer
        self.assignedNumbers = assignedNumbers
    }
}
