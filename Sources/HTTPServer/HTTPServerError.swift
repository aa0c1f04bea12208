/// The single error type of the HTTPServer module: failures of the HTTP edge itself (request framing,
/// media types, sizes, repository names, TLS material), as opposed to the domain errors it renders.
///
/// Two errors are equal when their codes are equal.
public struct HTTPServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformedRequest, payloadTooLarge, unsupportedMediaType, notAuthenticated, notFound
            case invalidName, invalidChain, invalidTLSMaterial, certificateIssuance, fileWrite
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The request body or a header is not what the endpoint accepts (RFC 9110 §15.5.1).
        public static let malformedRequest = Code(.malformedRequest)
        /// The request body exceeds the endpoint's limit (RFC 9110 §15.5.14).
        public static let payloadTooLarge = Code(.payloadTooLarge)
        /// The request `Content-Type` is not accepted (RFC 9110 §15.5.16).
        public static let unsupportedMediaType = Code(.unsupportedMediaType)
        /// A required credential is missing or wrong (RFC 9110 §15.5.2).
        public static let notAuthenticated = Code(.notAuthenticated)
        /// Nothing is published under the requested name (RFC 9110 §15.5.5).
        public static let notFound = Code(.notFound)
        /// A repository name is not a safe path segment.
        public static let invalidName = Code(.invalidName)
        /// A chain to publish is not a PEM certificate chain (RFC 8555 §9.1).
        public static let invalidChain = Code(.invalidChain)
        /// A TLS certificate or key could not be loaded.
        public static let invalidTLSMaterial = Code(.invalidTLSMaterial)
        /// A local TLS certificate could not be built or signed.
        public static let certificateIssuance = Code(.certificateIssuance)
        /// A file could not be written.
        public static let fileWrite = Code(.fileWrite)

        /// The code's name.
        public var description: String { backing.rawValue }
    }

    /// The error code.
    public let code: Code
    /// A human-readable explanation.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `HTTPServerError.<code>: <reason>`.
    public var description: String { "HTTPServerError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: HTTPServerError, rhs: HTTPServerError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
