import ACMECore
import AuthorityToken
import JOSE
import TNAuthList
import Testing

extension ACMEStoreContract {
    /// The SP-CA-proxy registry (seed 002 §6.3, figures 9–10): unknown keys give `nil`; every
    /// `record…` replaces an earlier record under the same key and leaves the other keys alone; token
    /// holders are found by the thumbprint whatever text form the fingerprint was parsed from; the
    /// account key and the order identifier come back equal; concurrent records under one key all
    /// succeed and one of them is kept.
    public static func runSPCAProxyRegistryContract(makeRegistry: () async throws -> any SPCAProxyRegistry) async throws {
        let registry = try await makeRegistry()
        try await checkTokenHolders(registry)
        try await checkAccounts(registry)
        try await checkOrders(registry)
        try await checkConcurrentRecords(registry)
    }

    private static func checkTokenHolders(_ registry: any SPCAProxyRegistry) async throws {
        let first = AccountKeyFingerprint(accountKey: key(21))
        let second = AccountKeyFingerprint(accountKey: key(22))
        #expect(try await registry.customer(forAccountKey: first) == nil, "an unknown key has no customer")
        try await registry.recordTokenHolder(first, customer: "pbx-1")
        try await registry.recordTokenHolder(second, customer: "pbx-2")
        #expect(try await registry.customer(forAccountKey: first) == "pbx-1")
        #expect(try await registry.customer(forAccountKey: second) == "pbx-2", "two keys are kept apart")
        let lowerCase = try AccountKeyFingerprint(parsing: first.description.lowercased())
        #expect(try await registry.customer(forAccountKey: lowerCase) == "pbx-1", "the holder is found by the thumbprint, not the text")
        let bare = try AccountKeyFingerprint(parsing: Base64URL.encode(first.thumbprint))
        #expect(try await registry.customer(forAccountKey: bare) == "pbx-1")
        try await registry.recordTokenHolder(first, customer: "pbx-3")
        #expect(try await registry.customer(forAccountKey: first) == "pbx-3", "a second record replaces the first")
        #expect(try await registry.customer(forAccountKey: second) == "pbx-2", "replacing one key leaves the other")
        #expect(try await registry.customer(forAccountKey: AccountKeyFingerprint(accountKey: key(23))) == nil)
    }

    private static func checkAccounts(_ registry: any SPCAProxyRegistry) async throws {
        let url = "https://ca.example/acme/account/a1"
        let first = SPCAProxyAccount(url: url, customer: "pbx-1", key: key(31))
        let second = SPCAProxyAccount(url: "https://ca.example/acme/account/a2", customer: "pbx-2", key: key(32))
        #expect(try await registry.account(at: url) == nil, "an unknown account URL has no record")
        try await registry.recordAccount(first)
        try await registry.recordAccount(second)
        #expect(try await registry.account(at: url) == first, "the record, its key included, comes back equal")
        #expect(try await registry.account(at: second.url) == second, "two accounts are kept apart")
        #expect(try await registry.account(at: url + "/") == nil, "the URL is matched exactly")
        let replacement = SPCAProxyAccount(url: url, customer: "pbx-3", key: key(33))
        try await registry.recordAccount(replacement)
        #expect(try await registry.account(at: url) == replacement, "a second record replaces the first")
        #expect(try await registry.account(at: url)?.key == key(33))
        #expect(try await registry.account(at: second.url) == second, "replacing one account leaves the other")
    }

    private static func checkOrders(_ registry: any SPCAProxyRegistry) async throws {
        let range = try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber("12025550160"), count: 10))])
        let single = try TNAuthorizationList([.tn(try TelephoneNumber("12025550163"))])
        let first = SPCAProxyOrder(id: "o-1", accountURL: "https://ca.example/acme/account/a1", identifier: try TNAuthListIdentifier(range))
        let second = SPCAProxyOrder(id: "o-2", accountURL: "https://ca.example/acme/account/a2", identifier: try TNAuthListIdentifier(single))
        #expect(try await registry.order(id: "o-1") == nil, "an unknown order has no record")
        try await registry.recordOrder(first)
        try await registry.recordOrder(second)
        let stored = try await registry.order(id: "o-1")
        #expect(stored == first)
        #expect(stored?.identifier.tnAuthList == range, "the identifier's TNAuthList comes back equal")
        #expect(try await registry.order(id: "o-2") == second, "two orders are kept apart")
        let replacement = SPCAProxyOrder(id: "o-1", accountURL: "https://ca.example/acme/account/a2", identifier: try TNAuthListIdentifier(single))
        try await registry.recordOrder(replacement)
        let replaced = try await registry.order(id: "o-1")
        #expect(replaced?.accountURL == replacement.accountURL, "a second record replaces the first")
        #expect(replaced?.identifier.tnAuthList == single)
        #expect(try await registry.order(id: "o-2") == second, "replacing one order leaves the other")
        #expect(try await registry.order(id: "o-3") == nil)
    }

    private static func checkConcurrentRecords(_ registry: any SPCAProxyRegistry) async throws {
        let fingerprint = AccountKeyFingerprint(accountKey: key(41))
        let customers = (0..<16).map { "racer-\($0)" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for customer in customers {
                group.addTask { try await registry.recordTokenHolder(fingerprint, customer: customer) }
            }
            try await group.waitForAll()
        }
        let kept = try await registry.customer(forAccountKey: fingerprint)
        #expect(kept.map { customers.contains($0) } == true, "one of 16 concurrent records under one key is kept, not \(String(describing: kept))")
    }
}
