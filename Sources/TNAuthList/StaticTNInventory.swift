/// An in-memory ``TNInventory`` backed by a dictionary: the reference implementation.
public struct StaticTNInventory: TNInventory, Hashable {
    /// The numbers each code holds.
    public var holdings: [ServiceProviderCode: TNScope]

    /// Creates an inventory from a dictionary of holdings.
    ///
    /// - Parameter holdings: The numbers each code holds; codes not present are unknown.
    public init(_ holdings: [ServiceProviderCode: TNScope]) {
        self.holdings = holdings
    }

    /// The holdings of `spc`, or `nil` for an unknown code.
    public func numbers(heldBy spc: ServiceProviderCode) async throws -> TNScope? {
        holdings[spc]
    }
}
