import SQLKit

/// The pooled database the stores share: leases a connection per operation.
struct SQLEngine: Sendable {
    let pool: SQLConnectionPool
    let dialect: SQLDialectProfile

    /// Runs `body` on one leased connection.
    func withSession<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
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

    /// Runs `body` in a transaction on one leased connection.
    func transaction<T>(_ body: (SQLSession) async throws -> T) async throws -> T {
        try await withSession { session in try await session.transaction(body) }
    }

    /// The rows of one statement.
    func rows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        try await withSession { try await $0.rows(query) }
    }

    /// The first row of one statement, if any.
    func firstRow(_ query: SQLQueryString) async throws -> (any SQLRow)? {
        try await rows(query).first
    }

    /// Runs one statement for its effect.
    func run(_ query: SQLQueryString) async throws {
        try await withSession { try await $0.run(query) }
    }
}
