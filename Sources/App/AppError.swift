import Foundation

/// The one error type of the App module: a sandbox that cannot start, resume or provision.
public struct AppError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case dataDirectory
            case configuration
            case corruptState
            case keyMaterial
            case ports
            case storage
            case provisioning
            case server
            case inUse
        }

        private let backing: Backing
        private init(_ backing: Backing) { self.backing = backing }

        /// The data directory cannot be created, read or written.
        public static let dataDirectory = Code(.dataDirectory)
        /// A configuration value (an option or an environment variable) is invalid.
        public static let configuration = Code(.configuration)
        /// A state file (`sandbox.json`, a PEM file) kept from an earlier run does not parse.
        public static let corruptState = Code(.corruptState)
        /// A key or certificate cannot be created or loaded.
        public static let keyMaterial = Code(.keyMaterial)
        /// No free port, or a persisted port is unusable.
        public static let ports = Code(.ports)
        /// A database cannot be opened or migrated.
        public static let storage = Code(.storage)
        /// First-start provisioning (accounts, the STI-SCA certificate over ACME) failed.
        public static let provisioning = Code(.provisioning)
        /// An HTTPS service failed to start or stopped with an error.
        public static let server = Code(.server)
        /// Another sandbox is running on the same data directory.
        public static let inUse = Code(.inUse)

        /// The code's name.
        public var description: String { backing.rawValue }
    }

    /// The code.
    public let code: Code
    /// A sentence for the operator.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `AppError.<code>: <reason>`.
    public var description: String { "AppError.\(code): \(reason)" }

    /// Equality on the code only.
    public static func == (lhs: AppError, rhs: AppError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
