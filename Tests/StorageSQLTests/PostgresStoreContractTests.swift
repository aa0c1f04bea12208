import AuthorityToken
import StorageSQL
import Testing

/// The same contracts against a real PostgreSQL server (`SHAKEN_TEST_POSTGRES_URL`). Serialized: every
/// test resets the one test database.
@Suite("Store contracts on PostgreSQL", .serialized, .enabled(if: TestDatabases.postgresURL != nil))
struct PostgresStoreContractTests {
    @Test("ACME accounts behave like the in-memory reference on PostgreSQL")
    func accounts() async throws { try await StoreContractRuns.acmeAccounts(.postgres) }

    @Test("ACME orders, authorizations and challenges behave like the in-memory reference on PostgreSQL")
    func orders() async throws { try await StoreContractRuns.acmeOrders(.postgres) }

    @Test("ACME nonces are single-use and expire on PostgreSQL")
    func nonces() async throws { try await StoreContractRuns.acmeNonces(.postgres) }

    @Test("Authority Token jti values are accepted once per issuer on PostgreSQL")
    func tokenReplays() async throws { try await StoreContractRuns.acmeTokenReplays(.postgres) }

    @Test("The certificate ledger reserves serials once and records against reservations on PostgreSQL")
    func ledger() async throws { try await StoreContractRuns.acmeLedger(.postgres) }

    @Test("SP-CA-proxy token holders, accounts and orders are replaced per key and kept apart on PostgreSQL")
    func spcaProxyRegistry() async throws { try await StoreContractRuns.spcaProxyRegistry(.postgres) }

    @Test("Every STI-PA store behaves like the in-memory reference on PostgreSQL")
    func policyAdministration() async throws { try await StoreContractRuns.policyAdministration(.postgres) }

    @Test("Delegations are recorded, replaced and removed on PostgreSQL")
    func delegations() async throws { try await StorageBehaviour.delegations(.postgres) }

    @Test("Concurrent consumers of one nonce: exactly one wins on PostgreSQL, across pooled connections")
    func nonceRace() async throws { try await StorageBehaviour.nonceRace(.postgres) }

    @Test("Concurrent finalizations of one order: exactly one moves it to processing on PostgreSQL")
    func finalizeRace() async throws { try await StorageBehaviour.finalizeRace(.postgres) }

    @Test("A failed order creation leaves stored orders untouched on PostgreSQL")
    func rollback() async throws { try await StorageBehaviour.failedWriteKeepsData(.postgres) }

    @Test("Timestamps and byte strings come back exactly on PostgreSQL")
    func exactRoundTrip() async throws { try await StorageBehaviour.exactRoundTrip(.postgres) }

    @Test("Reopening a PostgreSQL database applies no migration and finds the data")
    func reopen() async throws {
        let url = try #require(TestDatabases.postgresURL)
        try await TestDatabases.resetPostgres(url)
        let first = try await SQLStorage.open(.postgres(url: url))
        #expect(first.migrationsAppliedAtOpen == [1, 2, 3])
        #expect(try await first.policyAdministrationStores.revocations.allocateCRLNumber() == 1)
        let holder = try AccountKeyFingerprint(thumbprint: Array(repeating: 0xA5, count: 32))
        try await first.spcaProxyRegistry.recordTokenHolder(holder, customer: "pbx")
        await first.close()
        let second = try await SQLStorage.open(.postgres(url: url))
        #expect(second.migrationsAppliedAtOpen.isEmpty)
        #expect(try await second.migrate().isEmpty)
        #expect(try await second.policyAdministrationStores.revocations.allocateCRLNumber() == 2)
        #expect(try await second.spcaProxyRegistry.customer(forAccountKey: holder) == "pbx")
        #expect(try await second.sqliteDurability() == nil)
        await second.close()
    }
}

@Suite("PostgreSQL availability")
struct PostgresAvailabilityTests {
    @Test("Under CI the PostgreSQL suite runs: SHAKEN_TEST_POSTGRES_URL must be set")
    func requiredUnderCI() {
        if TestDatabases.isContinuousIntegration {
            #expect(TestDatabases.postgresURL != nil, "CI is set but SHAKEN_TEST_POSTGRES_URL is not: run .ci/postgres.sh and export its URL")
        }
    }
}
