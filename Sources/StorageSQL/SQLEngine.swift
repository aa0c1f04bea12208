import SQLKit

/// The pooled database the stores share: leases a connection per operation.
///
/// On SQLite the operations of concurrent callers run on the one writer connection through a
/// ``SQLCommitGroup`` (each in its own savepoint, several per durable `COMMIT`), and reads that need
/// only committed rows go to separate read-only connections (WAL readers see the last commit, never
/// an open transaction, and never wait for a writer's fsync). On PostgreSQL every operation leases a
/// connection of its own and the server commits.
struct SQLEngine: Sendable {
    let pool: SQLConnectionPool
    let dialect: SQLDialectProfile
    /// The group commit over `pool` (SQLite).
    var group: SQLCommitGroup?
    /// Read-only connections for ``read(_:)`` (SQLite).
    var readers: SQLConnectionPool?
    /// The PostgreSQL schema every connection's `search_path` names, created by the migrator if absent;
    /// `nil` for the server's default.
    var schema: String?

    /// Runs `body` on one leased connection: on SQLite inside a savepoint of a shared transaction, and
    /// returns only once that transaction has committed.
    func withSession<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
        if let group { return try await grouped(group, singleStatement: false, body) }
        let connection = try await pool.lease()
        let session = SQLSession(database: connection.database, dialect: dialect)
        do {
            let result = try await body(session)
            await pool.release(connection)
            return result
        } catch {
            await pool.release(connection)
            throw error
        }
    }

    /// Runs `body` atomically on one leased connection.
    func transaction<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
        try await withSession { session in try await session.transaction(body) }
    }

    /// Runs read-only `body` on a connection that sees committed rows only (SQLite's read-only
    /// connections; the shared connection otherwise).
    func read<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
        guard let readers else { return try await withSession(body) }
        let connection = try await readers.lease()
        do {
            let result = try await body(SQLSession(database: connection.database, dialect: dialect))
            await readers.release(connection)
            return result
        } catch {
            await readers.release(connection)
            throw error
        }
    }

    /// The rows of one statement.
    func rows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        try await statement { try await $0.rows(query) }
    }

    /// The first row of one statement, if any.
    func firstRow(_ query: SQLQueryString) async throws -> (any SQLRow)? {
        try await rows(query).first
    }

    /// The rows of one `SELECT` that needs committed rows only (see ``read(_:)``).
    func readRows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        try await read { try await $0.rows(query) }
    }

    /// The first row of one `SELECT` that needs committed rows only (see ``read(_:)``).
    func readFirstRow(_ query: SQLQueryString) async throws -> (any SQLRow)? {
        try await readRows(query).first
    }

    /// Runs one statement for its effect.
    func run(_ query: SQLQueryString) async throws {
        try await statement { try await $0.run(query) }
    }

    /// Runs `body`, which executes exactly one statement: SQLite makes a statement atomic by itself,
    /// so in a shared transaction it needs no savepoint of its own.
    private func statement<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
        guard let group else { return try await withSession(body) }
        return try await grouped(group, singleStatement: true, body)
    }

    /// Closes every connection.
    func shutdown() async {
        await pool.shutdown()
        await readers?.shutdown()
    }

    /// Begins the shared transaction. On SQLite the write lock is waited for here, with pauses that
    /// suspend the task, instead of in SQLite's busy handler: that handler sleeps on a thread of the
    /// blocking pool the driver shares, and with every such thread asleep the holder of the lock
    /// (another storage on the same file in this process) could not run the statements that end its
    /// transaction. The wait is bounded by the busy timeout.
    private func beginWriting(_ session: SQLSession) async throws {
        guard dialect.kind == .sqlite else { return try await session.run(sql: dialect.beginTransaction) }
        let patience = SQLiteDurability.required.busyTimeoutMilliseconds
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(patience)
        var pause = Duration.milliseconds(1)
        var failure: (any Error)?
        _ = try await session.rows(sql: "PRAGMA busy_timeout = 0")
        while true {
            do {
                try await session.database.raw(SQLQueryString(dialect.beginTransaction)).run()
                break
            } catch where dialect.isBusy(error) && clock.now < deadline {
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(20))
            } catch {
                failure = error
                break
            }
        }
        _ = try await session.rows(sql: "PRAGMA busy_timeout = \(patience)")
        if let failure {
            throw StorageSQLError(.queryFailed, "`\(dialect.beginTransaction)` failed: \(String(reflecting: failure))")
        }
    }

    /// `body` in the group's shared transaction; its result once the transaction committed, or the
    /// error that ended it. A body of several statements runs in a savepoint of its own, rolled back
    /// if it throws. A single statement that fails rolls back by itself when it broke a uniqueness
    /// constraint (https://sqlite.org/lang_conflict.html, `ABORT`); any other failure of it may have
    /// ended the transaction, so the whole group rolls back.
    private func grouped<T>(_ group: SQLCommitGroup, singleStatement: Bool, _ body: (SQLSession) async throws -> T) async throws -> T {
        let grant = try await group.enter()
        let session = SQLSession(database: grant.connection.database, dialect: dialect, nesting: 1)
        var broken: (any Error)?
        var result: Result<T, any Error>?
        do {
            if grant.opensTransaction { try await beginWriting(session) }
            if singleStatement {
                do {
                    result = .success(try await body(session))
                } catch {
                    result = .failure(error)
                    if (error as? StorageSQLError)?.code != .conflict { broken = error }
                }
            } else {
                try await session.run(sql: "SAVEPOINT operation")
                do {
                    result = .success(try await body(session))
                } catch {
                    result = .failure(error)
                    try await session.run(sql: "ROLLBACK TO operation")
                }
                try await session.run(sql: "RELEASE operation")
            }
        } catch {
            broken = error
            if case .failure? = result {} else { result = .failure(error) }
        }
        let outcome = result ?? .failure(StorageSQLError(.queryFailed, "the operation did not run"))
        let exit: SQLCommitGroup.Exit
        do {
            exit = try await group.leave(broken: broken)
        } catch {
            _ = try outcome.get()
            throw error
        }
        if case .end(let connection, let rollback) = exit {
            let ending = SQLSession(database: connection.database, dialect: dialect)
            var failure = rollback
            if failure == nil {
                do { try await ending.run(sql: "COMMIT") } catch { failure = error }
            }
            var ended: StorageSQLError?
            if let failure {
                try? await ending.run(sql: "ROLLBACK")
                ended = StorageSQLError(.queryFailed, "the shared SQLite transaction did not commit: \(failure)")
            }
            await group.finish(ended)
            if let ended { _ = try outcome.get(); throw ended }
        }
        return try outcome.get()
    }
}
