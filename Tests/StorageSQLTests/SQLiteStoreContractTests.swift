import StorageSQL
import Testing

@Suite("Store contracts on SQLite")
struct SQLiteStoreContractTests {
    @Test("ACME accounts behave like the in-memory reference on SQLite")
    func accounts() async throws { try await StoreContractRuns.acmeAccounts(.sqlite) }

    @Test("ACME orders, authorizations and challenges behave like the in-memory reference on SQLite")
    func orders() async throws { try await StoreContractRuns.acmeOrders(.sqlite) }

    @Test("ACME nonces are single-use and expire on SQLite")
    func nonces() async throws { try await StoreContractRuns.acmeNonces(.sqlite) }

    @Test("Authority Token jti values are accepted once per issuer on SQLite")
    func tokenReplays() async throws { try await StoreContractRuns.acmeTokenReplays(.sqlite) }

    @Test("The certificate ledger reserves serials once and records against reservations on SQLite")
    func ledger() async throws { try await StoreContractRuns.acmeLedger(.sqlite) }

    @Test("SP-CA-proxy token holders, accounts and orders are replaced per key and kept apart on SQLite")
    func spcaProxyRegistry() async throws { try await StoreContractRuns.spcaProxyRegistry(.sqlite) }

    @Test("Every STI-PA store behaves like the in-memory reference on SQLite")
    func policyAdministration() async throws { try await StoreContractRuns.policyAdministration(.sqlite) }

    @Test("Delegations are recorded, replaced and removed on SQLite")
    func delegations() async throws { try await StorageBehaviour.delegations(.sqlite) }

    @Test("Concurrent consumers of one nonce: exactly one wins on SQLite, across two connections")
    func nonceRace() async throws { try await StorageBehaviour.nonceRace(.sqlite) }

    @Test("Concurrent finalizations of one order: exactly one moves it to processing on SQLite")
    func finalizeRace() async throws { try await StorageBehaviour.finalizeRace(.sqlite) }

    @Test("A failed order creation leaves stored orders untouched on SQLite")
    func rollback() async throws { try await StorageBehaviour.failedWriteKeepsData(.sqlite) }

    @Test("Timestamps and byte strings come back exactly on SQLite")
    func exactRoundTrip() async throws { try await StorageBehaviour.exactRoundTrip(.sqlite) }
}
