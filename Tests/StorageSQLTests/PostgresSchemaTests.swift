import Foundation
import PolicyAdministration
import StorageSQL
import TNAuthList
import Testing

/// A schema name no other test run uses.
func uniqueSchemaName(_ purpose: String) -> String {
    purpose + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
}

/// The same contracts once more, each test in a PostgreSQL schema of its own (dropped afterwards):
/// `StorageConfiguration.postgres(url:schema:)` puts every table there.
@Suite(
    "Store contracts in a PostgreSQL schema of their own", .serialized,
    .enabled(if: TestDatabases.postgresURL != nil, "SHAKEN_TEST_POSTGRES_URL is not set")
)
struct PostgresSchemaContractTests {
    /// Runs `body` with fresh PostgreSQL configurations in a new schema, dropped at the end.
    private func inSchema(_ body: () async throws -> Void) async throws {
        let url = try #require(TestDatabases.postgresURL)
        let schema = uniqueSchemaName("contract")
        do {
            try await TestDatabases.$postgresSchema.withValue(schema) { try await body() }
        } catch {
            try? await TestDatabases.dropPostgresSchemas([schema], url: url)
            throw error
        }
        #expect(try await TestDatabases.postgresSchemaExists(schema, url: url), "the tables were not put in \(schema)")
        try await TestDatabases.dropPostgresSchemas([schema], url: url)
    }

    @Test("ACME accounts behave like the in-memory reference in a schema")
    func accounts() async throws { try await inSchema { try await StoreContractRuns.acmeAccounts(.postgres) } }

    @Test("ACME orders, authorizations and challenges behave like the in-memory reference in a schema")
    func orders() async throws { try await inSchema { try await StoreContractRuns.acmeOrders(.postgres) } }

    @Test("ACME nonces are single-use and expire in a schema")
    func nonces() async throws { try await inSchema { try await StoreContractRuns.acmeNonces(.postgres) } }

    @Test("Authority Token jti values are accepted once per issuer in a schema")
    func tokenReplays() async throws { try await inSchema { try await StoreContractRuns.acmeTokenReplays(.postgres) } }

    @Test("The certificate ledger reserves serials once and records against reservations in a schema")
    func ledger() async throws { try await inSchema { try await StoreContractRuns.acmeLedger(.postgres) } }

    @Test("Every STI-PA store behaves like the in-memory reference in a schema")
    func policyAdministration() async throws { try await inSchema { try await StoreContractRuns.policyAdministration(.postgres) } }

    @Test("Delegations are recorded, replaced and removed in a schema")
    func delegations() async throws { try await inSchema { try await StorageBehaviour.delegations(.postgres) } }

    @Test("Concurrent consumers of one nonce: exactly one wins in a schema, two pools opening it together")
    func nonceRace() async throws { try await inSchema { try await StorageBehaviour.nonceRace(.postgres) } }

    @Test("Concurrent finalizations of one order: exactly one moves it to processing in a schema")
    func finalizeRace() async throws { try await inSchema { try await StorageBehaviour.finalizeRace(.postgres) } }

    @Test("Timestamps and byte strings come back exactly in a schema")
    func exactRoundTrip() async throws { try await inSchema { try await StorageBehaviour.exactRoundTrip(.postgres) } }
}

@Suite("PostgreSQL schemas", .enabled(if: TestDatabases.postgresURL != nil, "SHAKEN_TEST_POSTGRES_URL is not set"))
struct PostgresSchemaTests {
    @Test("Two schemas on one database are independent: own migrations, own rows, own counters; reopening resumes each")
    func schemasAreIndependent() async throws {
        let (first, second) = (uniqueSchemaName("first"), uniqueSchemaName("second"))
        try await dropping([first, second]) { url in try await independent(url: url, first: first, second: second) }
    }

    private func independent(url: String, first: String, second: String) async throws {
        let a = try await SQLStorage.open(.postgres(url: url, schema: first))
        let b = try await SQLStorage.open(.postgres(url: url, schema: second))
        #expect(a.wasEmptyAtOpen && b.wasEmptyAtOpen)
        #expect(try await a.schemaVersions() == b.schemaVersions())
        #expect(try await a.policyAdministrationStores.revocations.allocateCRLNumber() == 1)
        #expect(try await a.policyAdministrationStores.revocations.allocateCRLNumber() == 2)
        #expect(try await b.policyAdministrationStores.revocations.allocateCRLNumber() == 1)
        let account = ServiceProviderAccount(
            id: AccountID("sp-1"), name: "One", spc: try ServiceProviderCode("1234")
        )
        try await a.policyAdministrationStores.accounts.createAccount(account)
        #expect(try await a.policyAdministrationStores.accounts.account(id: AccountID("sp-1")) != nil)
        #expect(try await b.policyAdministrationStores.accounts.account(id: AccountID("sp-1")) == nil)
        // The same account again in the other schema: no uniqueness conflict across schemas.
        try await b.policyAdministrationStores.accounts.createAccount(account)
        await a.close()
        await b.close()

        let again = try await SQLStorage.open(.postgres(url: url, schema: first))
        #expect(!again.wasEmptyAtOpen && again.migrationsAppliedAtOpen.isEmpty)
        #expect(try await again.policyAdministrationStores.revocations.allocateCRLNumber() == 3)
        await again.close()
    }

    @Test("A schema an administrator created beforehand is used as it is and migrated")
    func existingEmptySchema() async throws {
        let schema = uniqueSchemaName("given")
        try await dropping([schema]) { url in
            try await TestDatabases.withPostgresConnection(url) { connection in
                try await connection.sql().raw("CREATE SCHEMA \(ident: schema)").run()
            }
            let storage = try await SQLStorage.open(.postgres(url: url, schema: schema))
            #expect(storage.wasEmptyAtOpen)
            try await storage.nonces.insertNonce("n-1", expiresAt: Date(timeIntervalSince1970: 2_000_000_000))
            #expect(try await storage.nonces.consumeNonce("n-1", now: Date(timeIntervalSince1970: 1_900_000_000)))
            await storage.close()
            let tables = try await TestDatabases.withPostgresConnection(url) { connection in
                try await connection.sql().raw("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = \(bind: schema) AND table_name = 'acme_nonces'").all()
            }
            #expect(tables.count == 1, "the tables are not in \(schema)")
        }
    }

    /// Runs `body` with the test URL, then drops `schemas` whatever happened.
    private func dropping(_ schemas: [String], _ body: (String) async throws -> Void) async throws {
        let url = try #require(TestDatabases.postgresURL)
        do {
            try await body(url)
        } catch {
            try? await TestDatabases.dropPostgresSchemas(schemas, url: url)
            throw error
        }
        try await TestDatabases.dropPostgresSchemas(schemas, url: url)
    }
}

@Suite("PostgreSQL schema names")
struct PostgresSchemaNameTests {
    @Test(
        "Names outside lowercase letters, digits and underscores, starting with a digit or pg_, or over 63 characters are refused before connecting",
        arguments: ["", "Shaken", "shaken-pa", "1shaken", "pg_shaken", String(repeating: "a", count: 64), "a;drop schema public", "caf\u{E9}", "a b"]
    )
    func refused(name: String) async throws {
        #expect(throws: StorageSQLError(.invalidConfiguration, "")) { try StorageConfiguration.validatePostgresSchema(name) }
        // Port 1 refuses connections: reaching the validation first is what makes this invalidConfiguration.
        await #expect(throws: StorageSQLError(.invalidConfiguration, "")) {
            _ = try await SQLStorage.open(.postgres(url: "postgres://shaken@127.0.0.1:1/none", schema: name))
        }
    }

    @Test("Valid names pass", arguments: ["shaken_pa", "_x", "a1", String(repeating: "z", count: 63)])
    func accepted(name: String) throws {
        try StorageConfiguration.validatePostgresSchema(name)
    }

    @Test("Without a schema the configuration is the plain URL form")
    func defaultSchema() {
        #expect(StorageConfiguration.postgres(url: "postgres://h/d") == .postgres(url: "postgres://h/d", schema: nil))
        #expect(StorageConfiguration.postgres(url: "postgres://h/d", schema: "a") != .postgres(url: "postgres://h/d", schema: "b"))
    }
}
