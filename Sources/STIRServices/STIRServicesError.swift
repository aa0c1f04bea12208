/// The single error type of the STIRServices module.
///
/// Verification outcomes are not errors: ``VerificationService`` reports them as a
/// ``VerificationOutcome`` with a ``VerificationFailure``. This type covers the operations that
/// refuse to proceed: an `x5u` URL the policy rejects (ATIS-1000080 §6.3.1, ATIS-1000074 §5.3.1),
/// a chain that cannot be fetched, and an authentication service asked to sign outside its
/// freshness window (RFC 8224 §4.1).
public struct STIRServicesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier for a class of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case x5uNotAllowed, chainNotFound, chainFetchFailed, staleSigningTime, invalidSigningInput, signingFailed
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The `x5u` URL breaks ``X5UPolicy`` (scheme, port, userinfo, query, fragment, host syntax).
        public static let x5uNotAllowed = Code(.x5uNotAllowed)
        /// The fetcher has no certificate chain for the `x5u` URL.
        public static let chainNotFound = Code(.chainNotFound)
        /// Fetching or decoding the certificate chain failed.
        public static let chainFetchFailed = Code(.chainFetchFailed)
        /// The time to sign is outside the freshness window around now (RFC 8224 §4.1).
        public static let staleSigningTime = Code(.staleSigningTime)
        /// The claims to sign are not valid (bad number, empty destination, empty origid).
        public static let invalidSigningInput = Code(.invalidSigningInput)
        /// The signature could not be produced.
        public static let signingFailed = Code(.signingFailed)

        /// The code name, e.g. `x5uNotAllowed`.
        public var description: String { backing.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation naming the offending value.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `STIRServicesError.<code>: <reason>`.
    public var description: String { "STIRServicesError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: STIRServicesError, rhs: STIRServicesError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
