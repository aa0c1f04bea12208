import Foundation

/// How a sandbox runs (issue item 9): where it keeps its state, the database of its authorities
/// (SQLite under the data directory, or PostgreSQL), the address it listens on, the ports of its four
/// services (0 picks a free port on first start; the choice is kept so that a restart reuses it) and
/// the certificate and token lifetimes of its authorities.
public struct SandboxConfiguration: Hashable, Sendable {
    /// The ports of the four HTTPS services; 0 means "pick a free one on first start".
    public struct Ports: Hashable, Sendable, Codable {
        /// The STI-PA.
        public var policyAdministrator: Int
        /// The STI-CA's ACME server.
        public var certificationAuthority: Int
        /// The TN service provider's STI-SCA (ACME and customer token authority).
        public var subordinateAuthority: Int
        /// The STI-CR certificate repository.
        public var repository: Int

        /// Creates a port set.
        public init(policyAdministrator: Int = 0, certificationAuthority: Int = 0, subordinateAuthority: Int = 0, repository: Int = 0) {
            self.policyAdministrator = policyAdministrator
            self.certificationAuthority = certificationAuthority
            self.subordinateAuthority = subordinateAuthority
            self.repository = repository
        }

        /// All four ports, in a fixed order.
        var all: [Int] { [policyAdministrator, certificationAuthority, subordinateAuthority, repository] }
    }

    /// Certificate and token lifetimes, in seconds.
    public struct Lifetimes: Hashable, Sendable {
        /// STI-CA root validity (ATIS-1000080 §6.4.1).
        public var root: TimeInterval
        /// STI-CA intermediate validity.
        public var intermediate: TimeInterval
        /// SP and STI-SCA certificates issued by the STI-CA.
        public var caIssued: TimeInterval
        /// Delegate certificates issued by the STI-SCA (ATIS-1000092 §5.3).
        public var delegate: TimeInterval
        /// SPC and customer tokens (RFC 9448 §5 `exp`).
        public var token: TimeInterval
        /// `nextUpdate - thisUpdate` of the CRLs.
        public var crl: TimeInterval

        /// Creates lifetimes; the defaults suit a demo.
        public init(
            root: TimeInterval = 10 * 365 * 86_400, intermediate: TimeInterval = 5 * 365 * 86_400, caIssued: TimeInterval = 730 * 86_400,
            delegate: TimeInterval = 90 * 86_400, token: TimeInterval = 3_600, crl: TimeInterval = 86_400
        ) {
            self.root = root
            self.intermediate = intermediate
            self.caIssued = caIssued
            self.delegate = delegate
            self.token = token
            self.crl = crl
        }
    }

    /// The data directory (`<data>/tls`, `<data>/pa`, `<data>/ca`, `<data>/sca`, `<data>/cr`; the SQLite
    /// databases under `pa`, `ca` and `sca` unless ``database`` names PostgreSQL).
    public var dataDirectory: String
    /// The listening address and the host of every URL, `127.0.0.1` by default.
    public var host: String
    /// The requested ports; ignored when a previous run kept its ports.
    public var ports: Ports
    /// Lifetimes.
    public var lifetimes: Lifetimes
    /// The scrypt cost exponent of the password hashes (RFC 7914; 15 in production, lower in tests).
    public var passwordCostExponent: Int
    /// Whether a picked STI-CR port tries 8443 first, so that `x5u` URLs pass the default x5u policy
    /// of signers and verifiers (ports 443 and 8443).
    public var prefersStandardRepositoryPort: Bool
    /// The test-only fault-injection switch (``SandboxFaultInjection``); `nil` in normal operation.
    public var faultInjection: SandboxFaultInjection?
    /// The PostgreSQL database the authorities keep their records in. `nil` names none: a new data
    /// directory then uses SQLite under itself, and an existing one resumes on what it recorded at its
    /// first start. A data directory never changes its database: naming another one than it recorded
    /// is refused.
    public var database: SandboxDatabase?

    /// Creates a configuration.
    public init(
        dataDirectory: String, host: String = "127.0.0.1", ports: Ports = Ports(), lifetimes: Lifetimes = Lifetimes(),
        passwordCostExponent: Int = 15, prefersStandardRepositoryPort: Bool = true, faultInjection: SandboxFaultInjection? = nil,
        database: SandboxDatabase? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.ports = ports
        self.lifetimes = lifetimes
        self.passwordCostExponent = passwordCostExponent
        self.prefersStandardRepositoryPort = prefersStandardRepositoryPort
        self.faultInjection = faultInjection
        self.database = database
    }
}
