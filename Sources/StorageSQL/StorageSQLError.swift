/// The single error type of the StorageSQL module: a failure of the database adapter itself.
///
/// Store operations report the outcomes their protocols define (booleans, outcome enums, or the
/// consumer module's own error, e.g. `PolicyAdministrationError.duplicateAccount`); this type is
/// thrown only when the database cannot be opened, migrated or queried, or when a stored row no longer
/// decodes. Two errors are equal when their codes are equal.
public struct StorageSQLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidConfiguration, connectionFailed, durabilityNotApplied, migrationFailed
            case schemaTooNew, queryFailed, corruptRecord, conflict, closed, lockHeld
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The configuration cannot be used (an empty path, a URL that does not parse).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The database could not be opened or reached.
        public static let connectionFailed = Code(.connectionFailed)
        /// SQLite did not accept the durability settings (WAL, synchronous=FULL).
        public static let durabilityNotApplied = Code(.durabilityNotApplied)
        /// A schema migration failed; the transaction was rolled back.
        public static let migrationFailed = Code(.migrationFailed)
        /// The database records migrations this build does not know (it was written by a newer version).
        public static let schemaTooNew = Code(.schemaTooNew)
        /// A statement failed.
        public static let queryFailed = Code(.queryFailed)
        /// A stored row does not decode into its domain value.
        public static let corruptRecord = Code(.corruptRecord)
        /// A write collided with a stored row in a way the store protocol has no outcome for.
        public static let conflict = Code(.conflict)
        /// The storage was closed.
        public static let closed = Code(.closed)
        /// Another database session holds the advisory lock asked for (``PostgresSessionLock``).
        public static let lockHeld = Code(.lockHeld)

        /// The code's name.
        public var description: String { backing.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `StorageSQLError.<code>: <reason>`.
    public var description: String { "StorageSQLError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: StorageSQLError, rhs: StorageSQLError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
