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

    /// A configuration for a fresh, empty database of the engine.
    static func freshConfiguration(_ engine: SQLEngineKind) async throws -> StorageConfiguration {
        switch engine {
        case .sqlite:
            return .sqlite(path: temporarySQLitePath())
        case .postgres:
            let url = try #require(postgresURL, "SHAKEN_TEST_POSTGRES_URL is not set")
            try await resetPostgres(url)
            return .postgres(url: url)
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
