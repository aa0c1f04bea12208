/// The one error type of the HTTPClient module: every failure of the HTTPS transport, the `x5u`
/// fetcher (ATIS-1000074 §5.3.1, ATIS-1000080 §6.3.1), the ACME client (RFC 8555) and the STI-PA
/// client (spec digest §4.4), each with a specific ``Code``.
///
/// Equality is on ``code`` only. An ACME problem document received from a server (RFC 8555 §6.7,
/// RFC 7807) is kept in ``problem``.
public struct HTTPClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidURL, addressNotAllowed, resolutionFailed, connectionFailed, timedOut, redirectRefused
            case unexpectedStatus, bodyTooLarge, wrongContentType, malformedPEM, emptyChain, invalidTrustRoot
            case malformedResponse, missingHeader, acmeProblem, nonceRetryExhausted, pollingExhausted
            case orderInvalid, signingFailed, paRequestFailed, notLoggedIn, trustListRejected, malformedCRL
            case keyStoreFailure
        }

        private let backing: Backing
        private init(_ backing: Backing) { self.backing = backing }

        /// The URL is not an absolute `https` URL the client may request, or breaks the x5u policy.
        public static let invalidURL = Code(.invalidURL)
        /// The host resolves to a loopback, private, link-local or otherwise refused address, or is an
        /// IP literal that is not allow-listed (security notes §3.3, CVE-2022-26499).
        public static let addressNotAllowed = Code(.addressNotAllowed)
        /// The host name did not resolve.
        public static let resolutionFailed = Code(.resolutionFailed)
        /// The TCP or TLS connection failed (refused, reset, certificate not trusted).
        public static let connectionFailed = Code(.connectionFailed)
        /// The connect timeout or the total deadline passed.
        public static let timedOut = Code(.timedOut)
        /// The server answered with a redirect, which is never followed (ATIS-1000074 §5.3.1).
        public static let redirectRefused = Code(.redirectRefused)
        /// The HTTP status is not the one the exchange requires (e.g. 200 for an x5u fetch).
        public static let unexpectedStatus = Code(.unexpectedStatus)
        /// The body is larger than the configured cap (CVE-2022-26498).
        public static let bodyTooLarge = Code(.bodyTooLarge)
        /// The `Content-Type` is not the one required (`application/pem-certificate-chain`, ATIS-1000080 §6.3.1).
        public static let wrongContentType = Code(.wrongContentType)
        /// The body is not a PEM certificate chain.
        public static let malformedPEM = Code(.malformedPEM)
        /// The PEM body holds no certificate.
        public static let emptyChain = Code(.emptyChain)
        /// The configured TLS trust root cannot be read or parsed.
        public static let invalidTrustRoot = Code(.invalidTrustRoot)
        /// A response body is not the JSON the protocol defines.
        public static let malformedResponse = Code(.malformedResponse)
        /// A required response header (`Replay-Nonce`, `Location`) is missing.
        public static let missingHeader = Code(.missingHeader)
        /// The ACME server answered with a problem document (RFC 8555 §6.7); see ``HTTPClientError/problem``.
        public static let acmeProblem = Code(.acmeProblem)
        /// The server refused a fresh nonce again after the one `badNonce` retry (RFC 8555 §6.5).
        public static let nonceRetryExhausted = Code(.nonceRetryExhausted)
        /// An order or authorization did not reach a final state within the polling bound.
        public static let pollingExhausted = Code(.pollingExhausted)
        /// An order or authorization became `invalid` (RFC 8555 §7.1.6).
        public static let orderInvalid = Code(.orderInvalid)
        /// A JWS or CSR could not be produced.
        public static let signingFailed = Code(.signingFailed)
        /// The STI-PA answered with an error status or `status != "success"` (spec digest §4.4).
        public static let paRequestFailed = Code(.paRequestFailed)
        /// An STI-PA call that needs an access token was made before login or after logout.
        public static let notLoggedIn = Code(.notLoggedIn)
        /// The CA trust list failed verification or is older than the last one seen.
        public static let trustListRejected = Code(.trustListRejected)
        /// The downloaded CRL is neither DER nor PEM of a CertificateList (RFC 5280 §5.1).
        public static let malformedCRL = Code(.malformedCRL)
        /// The ACME key directory could not be read or written.
        public static let keyStoreFailure = Code(.keyStoreFailure)

        /// The code's name.
        public var description: String { backing.rawValue }
    }

    /// What failed.
    public let code: Code
    /// A specific, human-readable reason.
    public let reason: String
    /// The ACME problem document, when the server sent one (RFC 8555 §6.7).
    public let problem: ACMEProblem?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, problem: ACMEProblem? = nil) {
        self.code = code
        self.reason = reason
        self.problem = problem
    }

    /// `HTTPClientError.<code>: <reason>`.
    public var description: String { "HTTPClientError.\(code): \(reason)" }

    /// Equality on ``code`` only.
    public static func == (lhs: HTTPClientError, rhs: HTTPClientError) -> Bool { lhs.code == rhs.code }

    /// Hashes ``code`` only.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
