import Foundation
import PostgresKit
import SQLiteKit

/// Opens connections for a ``StorageConfiguration``: SQLite with its durability pragmas, PostgreSQL
/// from a URL.
enum SQLDatabaseOpener {
    /// Connections a PostgreSQL pool opens at most.
    static let postgresPoolSize = 4

    /// A pool for the configuration, and the dialect to speak to it.
    static func pool(for configuration: StorageConfiguration, logger: Logger) throws -> (SQLConnectionPool, SQLDialectProfile) {
        switch configuration {
        case .sqlite(let path):
            guard !path.isEmpty else { throw StorageSQLError(.invalidConfiguration, "the SQLite path is empty") }
            let pool = SQLConnectionPool(capacity: 1) { _ in try await openSQLite(path: path, logger: logger) }
            return (pool, SQLDialectProfile(kind: .sqlite))
        case .postgres(let url):
            let parsed: SQLPostgresConfiguration
            do {
                parsed = try SQLPostgresConfiguration(url: url)
            } catch {
                throw StorageSQLError(.invalidConfiguration, "not a PostgreSQL URL (postgres://user:password@host:port/database): \(error)")
            }
            let core = parsed.coreConfiguration
            let pool = SQLConnectionPool(capacity: postgresPoolSize) { number in
                try await openPostgres(core, number: number, logger: logger)
            }
            return (pool, SQLDialectProfile(kind: .postgres))
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
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StorageSQLError(.connectionFailed, "cannot open SQLite database \(path): \(error)")
        }
        let session = SQLSession(database: connection.sql(queryLogLevel: nil), dialect: SQLDialectProfile(kind: .sqlite))
        do {
            let required = SQLiteDurability.required
            _ = try await session.rows(sql: "PRAGMA busy_timeout = \(required.busyTimeoutMilliseconds)")
            let mode = try await session.rows(sql: "PRAGMA journal_mode = WAL").first?.string("journal_mode")
            guard mode?.lowercased() == required.journalMode else {
                throw StorageSQLError(.durabilityNotApplied, "SQLite refused WAL mode for \(path) (journal_mode is \(mode ?? "unknown"))")
            }
            try await session.run(sql: "PRAGMA synchronous = FULL")
            try await session.run(sql: "PRAGMA foreign_keys = ON")
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

    /// Connects to PostgreSQL.
    static func openPostgres(_ configuration: PostgresConnection.Configuration, number: Int, logger: Logger) async throws -> SQLConnectionPool.Connection {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: number, logger: logger)
        } catch {
            throw StorageSQLError(.connectionFailed, "cannot connect to PostgreSQL: \(String(reflecting: error))")
        }
        return SQLConnectionPool.Connection(
            database: connection.sql(queryLogLevel: nil),
            isClosed: { connection.isClosed },
            close: { try await connection.close() }
        )
    }
}
