import App
import Foundation
import PostgresKit

/// The PostgreSQL server the sandbox-on-PostgreSQL tests use (`SHAKEN_TEST_POSTGRES_URL`, see
/// docs/testing.md): each test works in schemas of a prefix of its own and drops them at the end.
enum PostgresTestDatabase {
    /// The URL, if the environment names one.
    static var url: String? {
        ProcessInfo.processInfo.environment["SHAKEN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A schema prefix no other test or test run uses.
    static func uniquePrefix() -> String {
        "apptest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Runs `body` with a sandbox database of a new prefix on the test server, then drops its schemas
    /// (and those of `alsoDrop`) whatever happened.
    static func withDatabase(alsoDrop: [String] = [], _ body: (SandboxDatabase) async throws -> Void) async throws {
        guard let url else { throw AppError(.configuration, "SHAKEN_TEST_POSTGRES_URL is not set") }
        let database = SandboxDatabase(url: url, schemaPrefix: uniquePrefix())
        do {
            try await body(database)
        } catch {
            try? await drop(database.schemas + alsoDrop)
            throw error
        }
        try await drop(database.schemas + alsoDrop)
    }

    /// Drops the schemas and everything in them, if they exist.
    static func drop(_ schemas: [String]) async throws {
        try await withConnection { connection in
            for schema in schemas {
                try await connection.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            }
        }
    }

    /// Whether a schema exists.
    static func exists(_ schema: String) async throws -> Bool {
        try await withConnection { connection in
            try await !connection.sql().raw("SELECT 1 AS found FROM pg_namespace WHERE nspname = \(bind: schema)").all().isEmpty
        }
    }

    /// Ends the sessions whose `application_name` ends with `suffix`; returns how many.
    static func terminateSessions(applicationNameEndingWith suffix: String) async throws -> Int {
        try await withConnection { connection in
            try await connection.sql().raw(
                "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE right(application_name, \(bind: suffix.count)::int) = \(bind: suffix)"
            ).all().count
        }
    }

    private static func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        guard let url else { throw AppError(.configuration, "SHAKEN_TEST_POSTGRES_URL is not set") }
        let connection = try await PostgresConnection.connect(
            configuration: try SQLPostgresConfiguration(url: url).coreConfiguration, id: 0, logger: Logger(label: "shaken.app.tests")
        )
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
