import SQLKit

/// One connection leased from the pool, with the dialect: runs statements and turns driver errors
/// into ``StorageSQLError`` (a uniqueness violation becomes ``StorageSQLError/Code/conflict``).
struct SQLSession: Sendable {
    let database: any SQLDatabase
    let dialect: SQLDialectProfile
    /// How many transactions or savepoints enclose the session's statements; ``transaction(_:)``
    /// nests as a `SAVEPOINT` when this is above zero.
    var nesting = 0

    /// The rows a statement returns (a `SELECT`, or a write with `RETURNING`).
    func rows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        do {
            return try await database.raw(query).all()
        } catch {
            throw wrap(error, query)
        }
    }

    /// Runs a statement for its effect.
    func run(_ query: SQLQueryString) async throws {
        do {
            try await database.raw(query).run()
        } catch {
            throw wrap(error, query)
        }
    }

    /// Runs literal SQL without binds (DDL, transaction control, pragmas).
    func run(sql text: String) async throws {
        try await run(SQLQueryString(text))
    }

    /// The rows of literal SQL without binds.
    func rows(sql text: String) async throws -> [any SQLRow] {
        try await rows(SQLQueryString(text))
    }

    /// Runs `body` inside a transaction on this connection: committed if it returns, rolled back if it
    /// throws. Inside an enclosing transaction it is a `SAVEPOINT`, released or rolled back to.
    func transaction<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
        var inner = self
        inner.nesting += 1
        let savepoint = "nested\(nesting)"
        let (begin, commit, rollback) = nesting == 0
            ? (dialect.beginTransaction, "COMMIT", ["ROLLBACK"])
            : ("SAVEPOINT \(savepoint)", "RELEASE \(savepoint)", ["ROLLBACK TO \(savepoint)", "RELEASE \(savepoint)"])
        try await run(sql: begin)
        let result: T
        do {
            result = try await body(inner)
        } catch {
            do {
                for statement in rollback { try await run(sql: statement) }
            } catch let rollbackError {
                throw StorageSQLError(.queryFailed, "rollback failed (\(rollbackError)) after: \(error)")
            }
            throw error
        }
        try await run(sql: commit)
        return result
    }

    private func wrap(_ error: any Error, _ query: SQLQueryString) -> StorageSQLError {
        if let error = error as? StorageSQLError { return error }
        let statement = database.serialize(query).sql
        if dialect.isUniqueViolation(error) {
            return StorageSQLError(.conflict, "uniqueness violated by `\(statement)`: \(String(reflecting: error))")
        }
        return StorageSQLError(.queryFailed, "`\(statement)` failed: \(String(reflecting: error))")
    }
}
