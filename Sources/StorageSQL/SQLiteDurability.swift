/// The SQLite settings that make a commit durable, as the connection reports them
/// (https://sqlite.org/pragma.html: `journal_mode`, `synchronous`, `foreign_keys`, `busy_timeout`).
public struct SQLiteDurability: Hashable, Sendable {
    /// `PRAGMA journal_mode`: `wal` when write-ahead logging is on.
    public let journalMode: String
    /// `PRAGMA synchronous`: 2 is `FULL` (fsync at every commit).
    public let synchronous: Int64
    /// `PRAGMA foreign_keys`: whether REFERENCES clauses are enforced.
    public let foreignKeys: Bool
    /// `PRAGMA busy_timeout` in milliseconds.
    public let busyTimeoutMilliseconds: Int64

    /// Creates a value.
    public init(journalMode: String, synchronous: Int64, foreignKeys: Bool, busyTimeoutMilliseconds: Int64) {
        self.journalMode = journalMode
        self.synchronous = synchronous
        self.foreignKeys = foreignKeys
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// The values StorageSQL sets: WAL, `synchronous=FULL`, foreign keys on, 5 s busy timeout.
    public static let required = SQLiteDurability(journalMode: "wal", synchronous: 2, foreignKeys: true, busyTimeoutMilliseconds: 5_000)
}
