import AuthorityToken

/// The reference ``SPCAProxyRegistry``: records in memory.
public actor InMemorySPCAProxyRegistry: SPCAProxyRegistry {
    private var holders: [AccountKeyFingerprint: String] = [:]
    private var accounts: [String: SPCAProxyAccount] = [:]
    private var orders: [String: SPCAProxyOrder] = [:]

    /// Creates an empty registry.
    public init() {}

    /// See ``SPCAProxyRegistry/recordTokenHolder(_:customer:)``.
    public func recordTokenHolder(_ fingerprint: AccountKeyFingerprint, customer: String) {
        holders[fingerprint] = customer
    }

    /// See ``SPCAProxyRegistry/customer(forAccountKey:)``.
    public func customer(forAccountKey fingerprint: AccountKeyFingerprint) -> String? {
        holders[fingerprint]
    }

    /// See ``SPCAProxyRegistry/recordAccount(_:)``.
    public func recordAccount(_ account: SPCAProxyAccount) {
        accounts[account.url] = account
    }

    /// See ``SPCAProxyRegistry/account(at:)``.
    public func account(at url: String) -> SPCAProxyAccount? {
        accounts[url]
    }

    /// See ``SPCAProxyRegistry/recordOrder(_:)``.
    public func recordOrder(_ order: SPCAProxyOrder) {
        orders[order.id] = order
    }

    /// See ``SPCAProxyRegistry/order(id:)``.
    public func order(id: String) -> SPCAProxyOrder? {
        orders[id]
    }
}
