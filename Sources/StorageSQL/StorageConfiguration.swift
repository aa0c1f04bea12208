import Foundation

/// Where the authorities keep their state (issue 3 item 1: SQLite embedded by default, PostgreSQL for
/// several nodes).
public enum StorageConfiguration: Hashable, Sendable {
    /// An SQLite database file, opened in WAL mode with `synchronous=FULL`; its directory is created
    /// if missing.
    case sqlite(path: String)
    /// A PostgreSQL server, e.g. `postgres://user:password@127.0.0.1:5432/database`
    /// (`?sslmode=require` for TLS).
    case postgres(url: String)

    /// The file name used under a data directory.
    public static let sqliteFileName = "shaken.sqlite"

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
}

/// The two database engines StorageSQL speaks.
public enum SQLEngineKind: String, Hashable, Sendable, CaseIterable {
    /// SQLite 3, embedded.
    case sqlite
    /// PostgreSQL, over the network.
    case postgres
}
