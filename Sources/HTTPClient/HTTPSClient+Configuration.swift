import Foundation

extension HTTPSClient {
    /// Which roots the client trusts for server certificates (RFC 5280 §6.1 trust anchors).
    public enum TrustRoots: Hashable, Sendable {
        /// The operating system's roots.
        case system
        /// Only the certificates of this PEM document, e.g. the sandbox's local TLS root (issue item 8).
        case only(pem: [UInt8])
        /// The system roots plus the certificates of this PEM document.
        case systemAnd(pem: [UInt8])

        /// Reads a PEM file and trusts only its certificates.
        ///
        /// - Throws: ``HTTPClientError/Code/invalidTrustRoot`` when the file cannot be read.
        public static func pemFile(_ path: String) throws(HTTPClientError) -> TrustRoots {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw HTTPClientError(.invalidTrustRoot, "cannot read the TLS trust root file \(path)")
            }
            return .only(pem: Array(data))
        }
    }

    /// Transport limits and trust.
    public struct Configuration: Hashable, Sendable {
        /// The trust roots for server certificates.
        public var trustRoots: TrustRoots
        /// The TCP and TLS connect timeout.
        public var connectTimeout: Duration
        /// The deadline for a whole exchange: connect, request, response head and body.
        public var totalTimeout: Duration
        /// The largest response body read; a larger one fails with ``HTTPClientError/Code/bodyTooLarge``.
        public var maximumBodySize: Int
        /// Whether redirects are followed (at most 3); off by default and never on for x5u (ATIS-1000074 §5.3.1).
        public var followsRedirects: Bool
        /// Host names connected to at another address while the certificate is still checked against
        /// the name: the x5u fetcher pins the address it checked here, so DNS cannot change it between
        /// the check and the connection (security notes §3.3).
        public var hostOverrides: [String: String]
        /// The `User-Agent` sent with every request (RFC 8555 §6.1 asks clients to send one).
        public var userAgent: String

        /// Creates a configuration; the defaults suit the ACME and STI-PA clients.
        public init(
            trustRoots: TrustRoots = .system, connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(30),
            maximumBodySize: Int = 1 << 20, followsRedirects: Bool = false, hostOverrides: [String: String] = [:],
            userAgent: String = "swift-shaken"
        ) {
            self.trustRoots = trustRoots
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maximumBodySize = maximumBodySize
            self.followsRedirects = followsRedirects
            self.hostOverrides = hostOverrides
            self.userAgent = userAgent
        }
    }
}
