/// The error type of the CertificateRevocation module.
///
/// Every failure to parse, build or sign a certificate revocation list (RFC 5280 §5) is reported with this type.
/// Equality compares only ``code`` so callers and tests can match on the kind of failure; ``reason`` carries
/// a human-readable explanation.
public struct CertificateRevocationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformedDER
            case unsupportedVersion
            case unsupportedSignatureAlgorithm
            case signatureAlgorithmMismatch
            case invalidTime
            case invalidExtension
            case duplicateExtension
            case invalidRevocationReason
            case invalidCRLNumber
            case invalidIssuingDistributionPoint
            case signingFailed
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The bytes are not a well-formed DER encoding of the expected ASN.1 structure (X.690 §10).
        public static let malformedDER = Code(.malformedDER)
        /// The `version` field is present and is not v2 (RFC 5280 §5.1.2.1), or v1 carries extensions.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// The signature algorithm is not one this library can verify or produce (RFC 5280 §5.1.1.2).
        public static let unsupportedSignatureAlgorithm = Code(.unsupportedSignatureAlgorithm)
        /// `tbsCertList.signature` differs from `signatureAlgorithm` (RFC 5280 §5.1.1.2).
        public static let signatureAlgorithmMismatch = Code(.signatureAlgorithmMismatch)
        /// A time is malformed or cannot be represented (RFC 5280 §5.1.2.4–§5.1.2.6).
        public static let invalidTime = Code(.invalidTime)
        /// A CRL or CRL entry extension has a malformed value (RFC 5280 §5.2, §5.3).
        public static let invalidExtension = Code(.invalidExtension)
        /// The same extension appears twice in one extension list (RFC 5280 §4.2).
        public static let duplicateExtension = Code(.duplicateExtension)
        /// A reasonCode is malformed or uses the unassigned value 7 (RFC 5280 §5.3.1).
        public static let invalidRevocationReason = Code(.invalidRevocationReason)
        /// A CRL number is negative, empty or longer than 20 octets (RFC 5280 §5.2.3).
        public static let invalidCRLNumber = Code(.invalidCRLNumber)
        /// An issuingDistributionPoint violates RFC 5280 §5.2.5.
        public static let invalidIssuingDistributionPoint = Code(.invalidIssuingDistributionPoint)
        /// The private key could not sign the CRL.
        public static let signingFailed = Code(.signingFailed)

        /// The name of the code.
        public var description: String {
            backing.rawValue
        }
    }

    /// The kind of failure.
    public let code: Code
    /// A human-readable explanation of the failure.
    public let reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: A human-readable explanation.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Equality looks only at ``code``.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes only ``code``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// `CertificateRevocationError.<code>: <reason>`.
    public var description: String {
        "CertificateRevocationError.\(code): \(reason)"
    }
}
