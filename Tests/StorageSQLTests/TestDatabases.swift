import Foundation
import PostgresKit
import StorageSQL
import Testing

/// Where the tests find their databases: a fresh temporary SQLite file per storage, and the PostgreSQL
/// server named by `SHAKEN_TEST_POSTGRES_URL` (see docs/storage.md and .ci/postgres.sh).
enum TestDatabases {
    /// The PostgreSQL URL, if the environment names one.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SHAKEN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the tests run under continuous integration, where PostgreSQL is required.
    static var isContinuousIntegration: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    }

    /// A path in a new temporary directory.
    static func temporarySQLitePath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-storage-\(UUID().uuidString)")
        return directory.appendingPathComponent("shaken.sqlite").path
    }

    /// The PostgreSQL schema fresh configurations use; `nil` for the server's default (`public`).
    /// Bound with `$postgresSchema.withValue(…)` to run a suite in a schema of its own.
    @TaskLocal static var postgresSchema: String?

    /// A configuration for a fresh, empty database of the engine: on PostgreSQL the `public` schema
    /// reset, or ``postgresSchema`` dropped so that opening creates it again.
    static func freshConfiguration(_ engine: SQLEngineKind) async throws -> StorageConfiguration {
        switch engine {
        case .sqlite:
            return .sqlite(path: temporarySQLitePath())
        case .postgres:
            let url = try #require(postgresURL, "SHAKEN_TEST_POSTGRES_URL is not set")
            if let schema = postgresSchema {
                try await dropPostgresSchemas([schema], url: url)
                return .postgres(url: url, schema: schema)
            }
            try await resetPostgres(url)
            return .postgres(url: url)
        }
    }

    /// Drops the schemas and everything in them, if they exist.
    static func dropPostgresSchemas(_ schemas: [String], url: String) async throws {
        try await withPostgresConnection(url) { connection in
            for schema in schemas {
                try await connection.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            }
        }
    }

    /// Whether a schema exists in the test database.
    static func postgresSchemaExists(_ schema: String, url: String) async throws -> Bool {
        try await withPostgresConnection(url) { connection in
            try await !connection.sql().raw("SELECT 1 AS found FROM pg_namespace WHERE nspname = \(bind: schema)").all().isEmpty
        }
    }

    /// `body` on a connection of its own to the test database, closed afterwards.
    static func withPostgresConnection<T>(_ url: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 0, logger: Logger(label: "shaken.storage.tests")
        )
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try await connection.close()
            throw error
        }
    }

    /// Drops every table of the test database (`public` schema), directly over PostgresNIO.
    static func resetPostgres(_ url: String) async throws {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            Issue.record("SHAKEN_TEST_POSTGRES_URL is not a PostgreSQL URL (postgres://user:password@host:port/database): \(url.debugDescription)")
            throw error
        }
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 0, logger: Logger(label: "shaken.storage.tests")
        )
        do {
            try await connection.sql().raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await connection.sql().raw("CREATE SCHEMA public").run()
        } catch {
            try await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// Opens storages on fresh databases and closes them all at the end of `body`.
    static func withStorages<T>(
        _ engine: SQLEngineKind,
        _ body: (_ open: @escaping () async throws -> SQLStorage) async throws -> T
    ) async throws -> T {
        let bag = StorageBag()
        do {
            let result = try await body {
                let storage = try await SQLStorage.open(try await freshConfiguration(engine))
                await bag.add(storage)
                return storage
            }
            await bag.closeAll()
            return result
        } catch {
            await bag.closeAll()
            throw error
        }
    }
}

/// The storages a test opened, closed together.
actor StorageBag {
    private var storages: [SQLStorage] = []

    func add(_ storage: SQLStorage) {
        storages.append(storage)
    }

    func closeAll() async {
        for storage in storages { await storage.close() }
        storages = []
    }
}
