/// The single error type of the STIRCertificates module.
///
/// Modelled on `CertificateError` of swift-certificates: a stable ``Code`` plus a human-readable
/// ``reason``. Equality and hashing look only at the code, so tests can compare errors directly.
public struct STIRCertificatesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable error code.
    public let code: Code

    /// A human-readable explanation of what went wrong.
    public let reason: String

    /// The lint findings that made issuance fail; empty for other codes.
    public let findings: [LintFinding]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable error code.
    ///   - reason: A human-readable explanation.
    ///   - findings: Lint findings attached to a ``Code/lintFailed`` error.
    public init(_ code: Code, _ reason: String, findings: [LintFinding] = []) {
        self.code = code
        self.reason = reason
        self.findings = findings
    }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: STIRCertificatesError, rhs: STIRCertificatesError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.code)
    }

    /// `STIRCertificatesError.<code>: <reason>`.
    public var description: String {
        "STIRCertificatesError.\(self.code): \(self.reason)"
    }

    /// A stable error code; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case unexpectedExtensionOID
            case malformedExtension
            case invalidExtensionValue
            case invalidSerialNumber
            case invalidValidity
            case invalidIssuer
            case unsupportedKey
            case lintFailed
            case signingFailed
            case malformedRequest
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The extension handed to a decoder has a different OID.
        public static let unexpectedExtensionOID = Code(.unexpectedExtensionOID)
        /// The extension value is not valid DER for its ASN.1 type.
        public static let malformedExtension = Code(.malformedExtension)
        /// The extension decodes but breaks a rule of its specification (e.g. an empty SEQUENCE SIZE (1..MAX)).
        public static let invalidExtensionValue = Code(.invalidExtensionValue)
        /// A serial number is zero, negative, not DER-minimal, or too long (RFC 5280 §4.1.2.2).
        public static let invalidSerialNumber = Code(.invalidSerialNumber)
        /// notBefore is not before notAfter (RFC 5280 §4.1.2.5).
        public static let invalidValidity = Code(.invalidValidity)
        /// The issuer material is missing or inconsistent with the requested profile.
        public static let invalidIssuer = Code(.invalidIssuer)
        /// A key is not the kind the STI profiles require (ATIS-1000080 §6.4.1: P-256).
        public static let unsupportedKey = Code(.unsupportedKey)
        /// The to-be-issued certificate has error-level lint findings; see ``STIRCertificatesError/findings``.
        public static let lintFailed = Code(.lintFailed)
        /// Signing or encoding the certificate failed.
        public static let signingFailed = Code(.signingFailed)
        /// A certificate signing request is malformed or lacks the expected attributes (RFC 2986).
        public static let malformedRequest = Code(.malformedRequest)

        /// The code name, e.g. `lintFailed`.
        public var description: String {
            self.backing.rawValue
        }
    }
}
