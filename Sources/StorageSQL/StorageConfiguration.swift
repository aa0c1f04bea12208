import Foundation

/// Where the authorities keep their state (issue 3 item 1: SQLite embedded by default, PostgreSQL for
/// several nodes).
public enum StorageConfiguration: Hashable, Sendable {
    /// An SQLite database file, opened in WAL mode with `synchronous=FULL`; its directory is created
    /// if missing.
    case sqlite(path: String)
    /// A PostgreSQL server, e.g. `postgres://user:password@127.0.0.1:5432/database`
    /// (`?sslmode=require` for TLS). With a `schema`, every table lives in that schema: opening
    /// creates it if absent and every pooled connection sets `search_path` to it alone, so several
    /// storages can share one database without seeing each other's rows. `nil` uses the server's
    /// default `search_path` (normally `public`). A schema name is lowercase letters, digits and
    /// underscores, starts with a letter or an underscore, does not start with `pg_` (reserved by
    /// PostgreSQL) and has at most 63 characters (see ``validatePostgresSchema(_:)``).
    case postgres(url: String, schema: String? = nil)

    /// The file name used under a data directory.
    public static let sqliteFileName = "shaken.sqlite"

    /// The longest schema name PostgreSQL keeps without truncating (`NAMEDATALEN - 1`).
    public static let maximumSchemaNameLength = 63

    /// The embedded default: ``sqliteFileName`` under `directory`.
    public static func sqlite(dataDirectory directory: String) -> StorageConfiguration {
        .sqlite(path: URL(fileURLWithPath: directory).appendingPathComponent(sqliteFileName).path)
    }

    /// The engine the configuration selects.
    public var engine: SQLEngineKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// Checks a PostgreSQL schema name against the rules of ``postgres(url:schema:)``.
    ///
    /// - Throws: ``StorageSQLError/Code/invalidConfiguration`` saying which rule the name breaks.
    public static func validatePostgresSchema(_ name: String) throws(StorageSQLError) {
        guard !name.isEmpty else { throw StorageSQLError(.invalidConfiguration, "the PostgreSQL schema name is empty") }
        guard name.utf8.count <= maximumSchemaNameLength else {
            throw StorageSQLError(
                .invalidConfiguration, "the PostgreSQL schema name \(name.debugDescription) is longer than \(maximumSchemaNameLength) characters"
            )
        }
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard allowed, let first = name.unicodeScalars.first, !("0"..."9").contains(first) else {
            throw StorageSQLError(
                .invalidConfiguration,
                "the PostgreSQL schema name \(name.debugDescription) must be lowercase letters, digits and underscores, starting with a letter or an underscore"
            )
        }
        guard !name.hasPrefix("pg_") else {
            throw StorageSQLError(.invalidConfiguration, "the PostgreSQL schema name \(name.debugDescription) starts with pg_, which PostgreSQL reserves")
        }
    }
}

/// The two database engines StorageSQL speaks.
public enum SQLEngineKind: String, Hashable, Sendable, CaseIterable {
    /// SQLite 3, embedded.
    case sqlite
    /// PostgreSQL, over the network.
    case postgres
}
