extension SandboxEndpoints {
    /// Where the authorities of a sandbox keep their records (`storage` in `endpoints.json`): SQLite
    /// files under the data directory, or three schemas of one PostgreSQL database.
    public struct Storage: Hashable, Sendable, Codable {
        /// `sqlite` or `postgres`.
        public var engine: String
        /// The PostgreSQL URL without its password; absent for SQLite.
        public var database: String?
        /// The STI-PA's SQLite file (absolute path) or PostgreSQL schema.
        public var policyAdministrator: String
        /// The STI-CA's SQLite file or PostgreSQL schema.
        public var certificationAuthority: String
        /// The STI-SCA's SQLite file or PostgreSQL schema.
        public var subordinateAuthority: String

        /// Creates a description.
        public init(engine: String, database: String?, policyAdministrator: String, certificationAuthority: String, subordinateAuthority: String) {
            self.engine = engine
            self.database = database
            self.policyAdministrator = policyAdministrator
            self.certificationAuthority = certificationAuthority
            self.subordinateAuthority = subordinateAuthority
        }
    }
}
