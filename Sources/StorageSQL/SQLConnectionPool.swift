import SQLKit

/// A bounded pool of database connections.
///
/// SQLite uses one connection, so every statement and transaction of a process is serialised (SQLite
/// admits one writer at a time anyway); PostgreSQL uses several, and the server isolates them.
actor SQLConnectionPool {
    /// An open connection and how to close it.
    struct Connection: Sendable {
        let database: any SQLDatabase
        let isClosed: @Sendable () -> Bool
        let close: @Sendable () async throws -> Void
    }

    private let open: @Sendable (Int) async throws -> Connection
    private var openedEver = 0
    private let capacity: Int
    private var idle: [Connection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<Connection, any Error>] = []
    private var shutDown = false

    /// A pool opening at most `capacity` connections with `open`.
    init(capacity: Int, open: @escaping @Sendable (Int) async throws -> Connection) {
        self.capacity = max(1, capacity)
        self.open = open
    }

    /// Adds an already open connection (the one the factory opened to migrate).
    func adopt(_ connection: Connection) {
        opened += 1
        openedEver += 1
        release(connection)
    }

    /// An idle connection, a new one, or the next one released.
    func lease() async throws -> Connection {
        guard !shutDown else { throw StorageSQLError(.closed, "the storage was closed") }
        while let connection = idle.popLast() {
            if !connection.isClosed() { return connection }
            opened -= 1
        }
        if opened < capacity {
            opened += 1
            openedEver += 1
            do {
                return try await open(openedEver)
            } catch {
                opened -= 1
                throw StorageSQLError(.connectionFailed, "cannot open a database connection: \(error)")
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    /// Returns a connection to the pool, handing it to the longest waiter if any.
    func release(_ connection: Connection) {
        if connection.isClosed() {
            opened -= 1
            if !waiters.isEmpty {
                let waiter = waiters.removeFirst()
                opened += 1
                openedEver += 1
                let open = self.open
                let number = openedEver
                Task {
                    do { waiter.resume(returning: try await open(number)) } catch {
                        self.openFailed()
                        waiter.resume(throwing: StorageSQLError(.connectionFailed, "cannot reopen a database connection: \(error)"))
                    }
                }
            }
            return
        }
        if shutDown {
            Task { try? await connection.close() }
            return
        }
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    private func openFailed() {
        opened -= 1
    }

    /// Closes idle connections and refuses further leases; leased ones close when released.
    func shutdown() async {
        shutDown = true
        let failing = waiters
        waiters = []
        for waiter in failing {
            waiter.resume(throwing: StorageSQLError(.closed, "the storage was closed"))
        }
        let closing = idle
        idle = []
        for connection in closing {
            try? await connection.close()
        }
    }
}
