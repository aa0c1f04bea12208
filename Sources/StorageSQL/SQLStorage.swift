import ACMECore
import PolicyAdministration
import PostgresKit
import SQLKit

/// A migrated database and every store over it (issue 3 item 1): the ACME server's stores (ACMECore),
/// the STI-PA's stores (PolicyAdministration) and a provider's proxy registry, on SQLite or PostgreSQL.
///
/// ```swift
/// let storage = try await SQLStorage.open(.sqlite(dataDirectory: "/var/lib/shaken"))
/// let service = ACMEService(…, accounts: storage.acmeAccounts, orders: storage.orders, …)
/// …
/// await storage.close()
/// ```
/// All stores share one connection pool. Close the storage before the process ends.
public final class SQLStorage: Sendable {
    /// Where the data lives.
    public let configuration: StorageConfiguration
    /// The migration versions applied by ``open(_:logger:)`` (empty when the schema was up to date).
    public let migrationsAppliedAtOpen: [Int64]
    let engine: SQLEngine

    private init(configuration: StorageConfiguration, engine: SQLEngine, applied: [Int64]) {
        self.configuration = configuration
        self.engine = engine
        self.migrationsAppliedAtOpen = applied
    }

    /// Opens the database and brings its schema up to date.
    ///
    /// - Throws: ``StorageSQLError`` with ``StorageSQLError/Code/invalidConfiguration``,
    ///   ``StorageSQLError/Code/connectionFailed``, ``StorageSQLError/Code/durabilityNotApplied``,
    ///   ``StorageSQLError/Code/migrationFailed`` or ``StorageSQLError/Code/schemaTooNew``.
    public static func open(_ configuration: StorageConfiguration, logger: Logger = Logger(label: "shaken.storage")) async throws -> SQLStorage {
        let engine = try SQLDatabaseOpener.engine(for: configuration, logger: logger)
        let applied: [Int64]
        do {
            applied = try await engine.withSession { try await SchemaMigrator(migrations: SchemaMigration.all, schema: engine.schema).migrate($0) }
        } catch {
            await engine.shutdown()
            throw error
        }
        return SQLStorage(configuration: configuration, engine: engine, applied: applied)
    }

    /// The engine in use.
    public var engineKind: SQLEngineKind { engine.dialect.kind }

    /// Whether ``open(_:logger:)`` found the database (or the PostgreSQL schema) without any recorded
    /// migration, i.e. holding no records of an earlier run, and created every table.
    public var wasEmptyAtOpen: Bool {
        Set(migrationsAppliedAtOpen) == Set(SchemaMigration.all.map(\.version))
    }

    /// Applies pending migrations now; returns the versions applied (empty when up to date).
    public func migrate() async throws -> [Int64] {
        try await engine.withSession { try await SchemaMigrator(migrations: SchemaMigration.all, schema: engine.schema).migrate($0) }
    }

    /// The migration versions recorded in `schema_migrations`, ascending.
    public func schemaVersions() async throws -> [Int64] {
        try await engine.withSession { try await SchemaMigrator(migrations: SchemaMigration.all, schema: engine.schema).appliedVersions($0) }
    }

    /// The durability settings of the SQLite connection, or `nil` on PostgreSQL.
    public func sqliteDurability() async throws -> SQLiteDurability? {
        guard engine.dialect.kind == .sqlite else { return nil }
        return try await engine.withSession { session in
            let mode = try await session.rows(sql: "PRAGMA journal_mode").first?.string("journal_mode")
            let synchronous = try await session.rows(sql: "PRAGMA synchronous").first?.int64("synchronous")
            let foreignKeys = try await session.rows(sql: "PRAGMA foreign_keys").first?.flag("foreign_keys")
            let timeout = try await session.rows(sql: "PRAGMA busy_timeout").first?.int64("timeout")
            guard let mode, let synchronous, let foreignKeys, let timeout else {
                throw StorageSQLError(.queryFailed, "SQLite did not report its pragmas")
            }
            return SQLiteDurability(journalMode: mode.lowercased(), synchronous: synchronous, foreignKeys: foreignKeys, busyTimeoutMilliseconds: timeout)
        }
    }

    /// Closes every connection; later store calls throw ``StorageSQLError/Code/closed``.
    public func close() async {
        await engine.shutdown()
    }

    /// How many durable commits the SQLite writer made and how many store operations they carried
    /// (several concurrent operations share one commit), or `nil` on PostgreSQL.
    public func sqliteCommitStatistics() async -> SQLiteCommitStatistics? {
        guard let group = engine.group else { return nil }
        let (transactions, operations) = await group.statistics
        return SQLiteCommitStatistics(commits: transactions, operations: operations)
    }

    // MARK: ACMECore stores

    /// ACME accounts (RFC 8555 §7.3).
    public var acmeAccounts: SQLACMEAccountStore { SQLACMEAccountStore(engine: engine) }
    /// ACME orders, authorizations and challenges (RFC 8555 §7.4, §7.5).
    public var orders: SQLOrderStore { SQLOrderStore(engine: engine) }
    /// Replay nonces (RFC 8555 §6.5).
    public var nonces: SQLNonceStore { SQLNonceStore(engine: engine) }
    /// Authority Token `jti` uses (RFC 9447 §4).
    public var tokenReplays: SQLTokenReplayStore { SQLTokenReplayStore(engine: engine) }
    /// Serial reservations and issued certificates (RFC 8555 §7.4.2, §7.6).
    public var certificateLedger: SQLCertificateLedger { SQLCertificateLedger(engine: engine) }

    // MARK: PolicyAdministration stores

    /// The STI-PA's stores, grouped as PolicyAdministration expects them.
    public var policyAdministrationStores: PolicyAdministrationStores {
        PolicyAdministrationStores(
            accounts: SQLServiceProviderAccountStore(engine: engine),
            credentials: SQLCredentialStore(engine: engine),
            accessTokens: SQLAccessTokenStore(engine: engine),
            issuances: SQLTokenIssuanceLog(engine: engine),
            trustList: SQLTrustListStore(engine: engine),
            revocations: SQLRevocationStore(engine: engine)
        )
    }

    /// A provider's delegations to its customers (ATIS-1000092).
    public var delegations: SQLDelegationRegistry { SQLDelegationRegistry(engine: engine) }

    /// What a provider's SP-PA-proxy and SP-CA-proxy remember about the PBXs they relay for: token
    /// holders, accounts and orders (seed 002 §6.3, figures 9–10).
    public var spcaProxyRegistry: SQLSPCAProxyRegistry { SQLSPCAProxyRegistry(engine: engine) }
}
