/// How the SQLite writer's group commit has been used since the storage opened: each commit is one
/// fsync of the WAL (`synchronous=FULL`), and concurrent store operations share commits
/// (https://sqlite.org/wal.html).
public struct SQLiteCommitStatistics: Hashable, Sendable {
    /// Transactions committed.
    public let commits: Int
    /// Store operations run on the writer (each in its own savepoint of a shared transaction).
    public let operations: Int

    /// Creates a value.
    public init(commits: Int, operations: Int) {
        self.commits = commits
        self.operations = operations
    }
}
