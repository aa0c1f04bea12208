import TNAuthList

/// The identifier of a provider's customer (an enterprise or PBX, seed 002 figure 9 "PBX-1").
public struct CustomerID: Hashable, Sendable, CustomStringConvertible {
    /// The identifier text.
    public let value: String

    /// Wraps an identifier.
    public init(_ value: String) {
        self.value = value
    }

    /// The identifier text.
    public var description: String { value }
}

/// What a provider delegated to one customer (ATIS-1000092; seed 002 figure 9: "the list of TNs delegated to the PBX").
public struct Delegation: Hashable, Sendable {
    /// The customer.
    public let customer: CustomerID
    /// The numbers delegated.
    public let tnAuthList: TNAuthorizationList
    /// Whether the customer may obtain tokens with `ca: true` (to run a sub-delegating CA).
    public let mayObtainCA: Bool

    /// Creates a delegation.
    public init(customer: CustomerID, tnAuthList: TNAuthorizationList, mayObtainCA: Bool = false) {
        self.customer = customer
        self.tnAuthList = tnAuthList
        self.mayObtainCA = mayObtainCA
    }
}

/// A provider's delegation records, one per customer.
///
/// Contract: ``recordDelegation(_:)`` replaces any earlier record of the customer.
public protocol DelegationRegistry: Sendable {
    /// Records (or replaces) a customer's delegation.
    func recordDelegation(_ delegation: Delegation) async throws
    /// The customer's delegation, if any.
    func delegation(for customer: CustomerID) async throws -> Delegation?
    /// Removes a customer's delegation; returns whether one was removed.
    func removeDelegation(for customer: CustomerID) async throws -> Bool
}

/// The reference ``DelegationRegistry``: records in memory.
public actor InMemoryDelegationRegistry: DelegationRegistry {
    private var records: [CustomerID: Delegation] = [:]

    /// Creates an empty registry.
    public init() {}

    /// See ``DelegationRegistry/recordDelegation(_:)``.
    public func recordDelegation(_ delegation: Delegation) {
        records[delegation.customer] = delegation
    }

    /// See ``DelegationRegistry/delegation(for:)``.
    public func delegation(for customer: CustomerID) -> Delegation? {
        records[customer]
    }

    /// See ``DelegationRegistry/removeDelegation(for:)``.
    public func removeDelegation(for customer: CustomerID) -> Bool {
        records.removeValue(forKey: customer) != nil
    }
}
