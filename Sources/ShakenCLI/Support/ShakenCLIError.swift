/// The one error type of the `shaken` command-line tool.
///
/// Every failure a command reports is one of these: a file that cannot be read, an argument that does not
/// parse, a key or PEM block of the wrong kind, or a check (lint, verification, demo step) that did not pass.
/// ``ShakenMain`` prints ``description`` as a single line on standard error and exits with ``exitCode``.
public struct ShakenCLIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case fileUnreadable, fileUnwritable, invalidPEM, invalidKey, invalidCertificate, invalidCRL
            case invalidArgument, checkFailed
        }

        private let backing: Backing
        private init(_ backing: Backing) { self.backing = backing }

        /// A file does not exist or cannot be read.
        public static let fileUnreadable = Code(.fileUnreadable)
        /// A file cannot be written.
        public static let fileUnwritable = Code(.fileUnwritable)
        /// A file is not PEM, or holds no block of the expected label (RFC 7468).
        public static let invalidPEM = Code(.invalidPEM)
        /// A key is missing, of the wrong curve, or does not belong to a certificate.
        public static let invalidKey = Code(.invalidKey)
        /// A certificate does not parse (RFC 5280 §4.1).
        public static let invalidCertificate = Code(.invalidCertificate)
        /// A CRL does not parse (RFC 5280 §5.1).
        public static let invalidCRL = Code(.invalidCRL)
        /// A command-line value is malformed (telephone number, range, serial, reason, ...).
        public static let invalidArgument = Code(.invalidArgument)
        /// A check ran and did not pass (lint errors, a failed verification, a demo step).
        public static let checkFailed = Code(.checkFailed)

        /// The code's name.
        public var description: String { backing.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A one-line explanation naming the file or value at fault.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: ShakenCLIError, rhs: ShakenCLIError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with equality.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The process exit status: 1 for a check that did not pass, 2 for bad input.
    public var exitCode: Int32 { code == .checkFailed ? 1 : 2 }

    /// The reason.
    public var description: String { reason }
}
