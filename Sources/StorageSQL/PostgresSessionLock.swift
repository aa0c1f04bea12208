import PostgresKit
import SQLKit

/// A PostgreSQL session-level advisory lock (`pg_try_advisory_lock(bigint)`) held on a connection of
/// its own, so that one process at a time works on a set of schemas (issue 3 item 1: PostgreSQL for
/// several nodes; the sandbox holds one while it runs).
///
/// The key is derived from a name (``key(for:)``); advisory locks are local to the database the URL
/// names. The server releases the lock when the session ends, however it ends (a killed process
/// leaves no stale lock behind); ``release()`` ends it on purpose. The connection carries
/// `application_name`, so that a refused caller learns who holds the lock.
///
/// ```swift
/// let lock = try await PostgresSessionLock.acquire(url: url, name: "shaken_pa,shaken_ca", holder: "shaken sandbox")
/// …
/// await lock.release()
/// ```
public final class PostgresSessionLock: Sendable {
    /// The name the key was derived from.
    public let name: String
    /// The advisory lock key.
    public let key: Int64
    private let connection: PostgresConnection

    private init(name: String, key: Int64, connection: PostgresConnection) {
        self.name = name
        self.key = key
        self.connection = connection
    }

    /// The lock key of a name: the 64-bit FNV-1a hash of its UTF-8 bytes
    /// (http://www.isthe.com/chongo/tech/comp/fnv/), as a signed `bigint`. Stable across processes
    /// and builds, so that every process computes the same key for the same name.
    public static func key(for name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Connects to the database of `url` and takes the lock for `name` without waiting.
    ///
    /// - Parameters:
    ///   - url: The PostgreSQL URL (as in ``StorageConfiguration/postgres(url:schema:)``).
    ///   - name: What is locked; the key is ``key(for:)`` of it.
    ///   - holder: The session's `application_name`, shown to a refused caller (cut to 63 bytes).
    ///   - logger: The driver's logger.
    /// - Throws: ``StorageSQLError/Code/lockHeld`` naming the holding session when another session
    ///   holds the lock; ``StorageSQLError/Code/invalidConfiguration`` or
    ///   ``StorageSQLError/Code/connectionFailed`` when the database cannot be reached.
    public static func acquire(
        url: String, name: String, holder: String, logger: Logger = Logger(label: "shaken.storage")
    ) async throws -> PostgresSessionLock {
        var configuration = try SQLDatabaseOpener.postgresConfiguration(url: url).coreConfiguration
        configuration.options.additionalStartupParameters.append(("application_name", Self.applicationName(holder)))
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            throw StorageSQLError(.connectionFailed, "cannot connect to PostgreSQL: \(String(reflecting: error))")
        }
        let key = key(for: name)
        let session = SQLSession(database: connection.sql(queryLogLevel: nil), dialect: SQLDialectProfile(kind: .postgres))
        do {
            let row = try await session.rows("SELECT pg_try_advisory_lock(\(bind: key))::int::bigint AS acquired").first
            guard let row, try row.flag("acquired") else {
                let holding = await Self.holder(of: key, session)
                throw StorageSQLError(.lockHeld, "the advisory lock \(key) for \(name.debugDescription) is held by \(holding)")
            }
        } catch {
            try? await connection.close()
            throw error
        }
        return PostgresSessionLock(name: name, key: key, connection: connection)
    }

    /// Whether the session holding the lock is still connected (a server restart ends it, and the
    /// lock with it).
    public var isHeld: Bool { !connection.isClosed }

    /// Releases the lock and closes its connection; does nothing the second time.
    public func release() async {
        guard !connection.isClosed else { return }
        _ = try? await connection.sql(queryLogLevel: nil).raw("SELECT pg_advisory_unlock(\(bind: key))").all()
        try? await connection.close()
    }

    /// `holder` cut to the 63 bytes PostgreSQL keeps of an `application_name`, on a character boundary.
    static func applicationName(_ holder: String) -> String {
        var name = ""
        for character in holder where name.utf8.count + character.utf8.count <= 63 {
            name.append(character)
        }
        return name
    }

    /// Describes the session holding `key` in this database (`pg_locks` stores a `bigint` key as
    /// `classid` = its high and `objid` = its low 32 bits, `objsubid` = 1), or "another session" when
    /// the server does not say.
    private static func holder(of key: Int64, _ session: SQLSession) async -> String {
        let bits = UInt64(bitPattern: key)
        let high = Int64(bits >> 32)
        let low = Int64(bits & 0xFFFF_FFFF)
        let query: SQLQueryString = """
            SELECT a.pid::bigint AS pid, COALESCE(a.application_name, '') AS application, COALESCE(host(a.client_addr), '') AS address
            FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
              AND l.classid::bigint = \(bind: high) AND l.objid::bigint = \(bind: low)
            """
        guard let row = try? await session.rows(query).first, let pid = try? row.int64("pid") else { return "another session" }
        let application = (try? row.string("application")) ?? ""
        let address = (try? row.string("address")) ?? ""
        var description = "PostgreSQL session \(pid)"
        if !application.isEmpty { description += " (\(application))" }
        if !address.isEmpty { description += " from \(address)" }
        return description
    }
}
