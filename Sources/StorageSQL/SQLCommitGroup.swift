/// Group commit for the one SQLite writer connection (https://sqlite.org/lang_savepoint.html,
/// https://sqlite.org/wal.html).
///
/// With `synchronous=FULL` every `COMMIT` waits for an fsync of the WAL, and one connection admits
/// one writer, so committing each store operation on its own caps a process at one operation per
/// fsync. Here the operations of concurrent callers share one transaction instead: each runs inside
/// its own `SAVEPOINT` (released on success, rolled back on failure, so one caller's failure never
/// undoes another's work; a single statement is atomic without one), and the connection passes from
/// caller to caller while the transaction is open. When no caller is waiting (or ``limit`` operations have joined), the last one commits, and
/// only then does every caller of the group get its result. No result is ever returned before the
/// `COMMIT` holding its writes has returned, so durability is unchanged; a failed `COMMIT` (or a
/// transaction SQLite itself rolled back) fails every operation of the group.
actor SQLCommitGroup {
    /// The connection handed to a caller, and whether the caller opens the transaction.
    struct Grant: Sendable {
        let connection: SQLConnectionPool.Connection
        let opensTransaction: Bool
    }

    /// Operations joining one transaction at most, which bounds a caller's wait for the commit.
    static let limit = 64

    private let pool: SQLConnectionPool
    private var holding = false
    private var transaction: SQLConnectionPool.Connection?
    private var waiters: [CheckedContinuation<Grant, any Error>] = []
    private var members: [CheckedContinuation<Void, any Error>] = []
    private var failure: (any Error)?
    private var committed = 0
    private var operations = 0

    /// A group over the writer `pool` (capacity one).
    init(pool: SQLConnectionPool) {
        self.pool = pool
    }

    /// Transactions committed and operations they carried, since the storage opened.
    var statistics: (transactions: Int, operations: Int) { (committed, operations) }

    /// Waits for the connection: the open transaction's, or a newly leased one whose transaction the
    /// caller begins.
    func enter() async throws -> Grant {
        if holding || !waiters.isEmpty {
            return try await withCheckedThrowingContinuation { waiters.append($0) }
        }
        holding = true
        do {
            return try await begin()
        } catch {
            holding = false
            await handOn()
            throw error
        }
    }

    /// How a caller's turn ends.
    enum Exit: Sendable {
        /// The caller ends the transaction on this connection: `COMMIT`, or `ROLLBACK` when
        /// `rollback` says why it must not commit; then it calls ``finish(_:)``.
        case end(SQLConnectionPool.Connection, rollback: (any Error)?)
        /// Another caller ended the transaction, which committed.
        case committed
    }

    /// Ends the caller's turn. `broken` is set when the transaction can no longer be used (a
    /// savepoint statement failed). Either the caller must end the transaction, or this waits until
    /// another caller has ended it and throws if it did not commit.
    func leave(broken: (any Error)?) async throws -> Exit {
        if let broken, failure == nil { failure = broken }
        operations += 1
        guard let transaction else { throw StorageSQLError(.queryFailed, "no transaction is open on the SQLite connection") }
        guard failure == nil, members.count + 1 < Self.limit, !waiters.isEmpty else {
            return .end(transaction, rollback: failure)
        }
        try await withCheckedThrowingContinuation { (member: CheckedContinuation<Void, any Error>) in
            members.append(member)
            waiters.removeFirst().resume(returning: Grant(connection: transaction, opensTransaction: false))
        }
        return .committed
    }

    /// Reports how the transaction ended (`nil` when it committed) and wakes its members.
    func finish(_ error: (any Error)?) async {
        if let connection = transaction { await pool.release(connection) }
        transaction = nil
        failure = nil
        if error == nil { committed += 1 }
        let ended = members
        members = []
        for member in ended {
            if let error { member.resume(throwing: error) } else { member.resume() }
        }
        holding = false
        await handOn()
    }

    /// Gives the connection to the longest waiter, in a new transaction.
    private func handOn() async {
        while !holding, !waiters.isEmpty {
            let next = waiters.removeFirst()
            holding = true
            do {
                next.resume(returning: try await begin())
            } catch {
                holding = false
                next.resume(throwing: error)
            }
        }
    }

    private func begin() async throws -> Grant {
        let connection = try await pool.lease()
        transaction = connection
        return Grant(connection: connection, opensTransaction: true)
    }
}
