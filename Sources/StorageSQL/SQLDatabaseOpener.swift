import Foundation
import PostgresKit
import SQLiteKit

/// Opens connections for a ``StorageConfiguration``: SQLite with its durability pragmas, PostgreSQL
/// from a URL, in a schema of its own when the configuration names one.
enum SQLDatabaseOpener {
    /// Connections a PostgreSQL pool opens at most.
    static let postgresPoolSize = 4
    /// Read-only connections SQLite opens at most besides its writer.
    static let sqliteReaders = 2

    /// The engine for the configuration: on SQLite one writer connection under a group commit and
    /// read-only connections, on PostgreSQL a pool.
    static func engine(for configuration: StorageConfiguration, logger: Logger) throws -> SQLEngine {
        switch configuration {
        case .sqlite(let path):
            guard !path.isEmpty else { throw StorageSQLError(.invalidConfiguration, "the SQLite path is empty") }
            let pool = SQLConnectionPool(capacity: 1) { _ in try await openSQLite(path: path, logger: logger) }
            let readers = SQLConnectionPool(capacity: sqliteReaders) { _ in try await openSQLiteReader(path: path, logger: logger) }
            return SQLEngine(pool: pool, dialect: SQLDialectProfile(kind: .sqlite), group: SQLCommitGroup(pool: pool), readers: readers)
        case .postgres(let url, let schema):
            var parsed = try postgresConfiguration(url: url)
            if let schema {
                try StorageConfiguration.validatePostgresSchema(schema)
                parsed.searchPath = [schema]
            }
            let configuration = parsed
            let pool = SQLConnectionPool(capacity: postgresPoolSize) { number in
                try await openPostgres(configuration, number: number, logger: logger)
            }
            return SQLEngine(pool: pool, dialect: SQLDialectProfile(kind: .postgres), schema: schema)
        }
    }

    /// The parsed PostgreSQL URL.
    ///
    /// - Throws: ``StorageSQLError/Code/invalidConfiguration`` when it does not parse.
    static func postgresConfiguration(url: String) throws -> SQLPostgresConfiguration {
        do {
            return try SQLPostgresConfiguration(url: url)
        } catch {
            throw StorageSQLError(.invalidConfiguration, "not a PostgreSQL URL (postgres://user:password@host:port/database): \(error)")
        }
    }

    /// Opens the SQLite file (creating its directory) and applies the settings of ``SQLiteDurability/required``.
    static func openSQLite(path: String, logger: Logger) async throws -> SQLConnectionPool.Connection {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageSQLError(.connectionFailed, "cannot create the data directory \(directory): \(error)")
        }
        return try await openSQLiteConnection(path: path, purpose: "", logger: logger) { session in
            let required = SQLiteDurability.required
            _ = try await session.rows(sql: "PRAGMA busy_timeout = \(required.busyTimeoutMilliseconds)")
            let mode = try await session.rows(sql: "PRAGMA journal_mode = WAL").first?.string("journal_mode")
            guard mode?.lowercased() == required.journalMode else {
                throw StorageSQLError(.durabilityNotApplied, "SQLite refused WAL mode for \(path) (journal_mode is \(mode ?? "unknown"))")
            }
            try await session.run(sql: "PRAGMA synchronous = FULL")
            try await session.run(sql: "PRAGMA foreign_keys = ON")
        }
    }

    /// Opens a read-only connection (`PRAGMA query_only`) to the SQLite file the writer opened.
    static func openSQLiteReader(path: String, logger: Logger) async throws -> SQLConnectionPool.Connection {
        try await openSQLiteConnection(path: path, purpose: " for reading", logger: logger) { session in
            _ = try await session.rows(sql: "PRAGMA busy_timeout = \(SQLiteDurability.required.busyTimeoutMilliseconds)")
            try await session.run(sql: "PRAGMA query_only = ON")
        }
    }

    /// Opens a connection to the SQLite file and applies `settings`, closing it again when they fail.
    private static func openSQLiteConnection(
        path: String, purpose: String, logger: Logger, settings: (SQLSession) async throws -> Void
    ) async throws -> SQLConnectionPool.Connection {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StorageSQLError(.connectionFailed, "cannot open SQLite database \(path)\(purpose): \(error)")
        }
        let session = SQLSession(database: connection.sql(queryLogLevel: nil), dialect: SQLDialectProfile(kind: .sqlite))
        do {
            try await settings(session)
        } catch {
            try? await connection.close()
            throw error
        }
        return SQLConnectionPool.Connection(
            database: session.database,
            isClosed: { connection.isClosed },
            close: { try await connection.close() }
        )
    }

    /// Connects to PostgreSQL and, when the configuration names a search path, sets it for the
    /// session (as PostgresKit's own connection source does), closing the connection again when that fails.
    static func openPostgres(_ configuration: SQLPostgresConfiguration, number: Int, logger: Logger) async throws -> SQLConnectionPool.Connection {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: number, logger: logger)
        } catch {
            throw StorageSQLError(.connectionFailed, "cannot connect to PostgreSQL: \(String(reflecting: error))")
        }
        let database = connection.sql(queryLogLevel: nil)
        if let searchPath = configuration.searchPath {
            do {
                try await database.raw("SET search_path TO \(idents: searchPath, joinedBy: ", ")").run()
            } catch {
                try? await connection.close()
                throw StorageSQLError(.connectionFailed, "cannot set the PostgreSQL search_path to \(searchPath): \(String(reflecting: error))")
            }
        }
        return SQLConnectionPool.Connection(
            database: database,
            isClosed: { connection.isClosed },
            close: { try await connection.close() }
        )
    }
}
