/// Applies the pending ``SchemaMigration``s in one transaction and records each in `schema_migrations`
/// (`version`, `name`); running it again on an up-to-date database changes nothing.
struct SchemaMigrator: Sendable {
    let migrations: [SchemaMigration]
    /// The PostgreSQL schema the session's `search_path` names, created under the migration lock when
    /// absent; `nil` for the server's default.
    var schema: String?

    /// Applies what is missing; returns the versions applied now (empty when up to date).
    ///
    /// - Throws: ``StorageSQLError/Code/schemaTooNew`` when the database records a version this build
    ///   does not know; ``StorageSQLError/Code/migrationFailed`` when a statement fails (nothing is applied).
    func migrate(_ session: SQLSession) async throws -> [Int64] {
        do {
            return try await session.transaction { session in
                if let lock = session.dialect.migrationLock {
                    _ = try await session.rows(sql: lock)
                }
                if let schema { try await createIfAbsent(schema: schema, session) }
                try await session.run(sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL)")
                let applied = Set(try await appliedVersions(session))
                if let unknown = applied.subtracting(migrations.map(\.version)).max() {
                    throw StorageSQLError(.schemaTooNew, "the database has schema version \(unknown); this build knows up to \(migrations.map(\.version).max() ?? 0)")
                }
                var done: [Int64] = []
                for migration in migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
                    for statement in migration.statements(session.dialect) {
                        try await session.run(sql: statement)
                    }
                    try await session.run("INSERT INTO schema_migrations (version, name) VALUES (\(bind: migration.version), \(bind: migration.name))")
                    done.append(migration.version)
                }
                return done
            }
        } catch let error as StorageSQLError where error.code == .schemaTooNew {
            throw error
        } catch {
            throw StorageSQLError(.migrationFailed, "schema migration rolled back: \(error)")
        }
    }

    /// Creates the schema unless it exists. Looked up first: `CREATE SCHEMA IF NOT EXISTS` needs the
    /// `CREATE` privilege on the database even when the schema exists, and a role may have been given
    /// a schema an administrator created. Two processes creating it at once are serialised by the
    /// migration lock taken before.
    private func createIfAbsent(schema: String, _ session: SQLSession) async throws {
        let found = try await session.rows("SELECT 1 AS found FROM pg_catalog.pg_namespace WHERE nspname = \(bind: schema)")
        if found.isEmpty {
            try await session.run("CREATE SCHEMA IF NOT EXISTS \(ident: schema)")
        }
    }

    /// The versions recorded, ascending.
    func appliedVersions(_ session: SQLSession) async throws -> [Int64] {
        try await session.rows(sql: "SELECT version FROM schema_migrations ORDER BY version").map { try $0.int64("version") }
    }
}
