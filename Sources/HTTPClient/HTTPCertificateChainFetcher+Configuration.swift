import Foundation
import STIRServices

extension HTTPCertificateChainFetcher {
    /// The fetch rules (ATIS-1000074 §5.3.1, ATIS-1000080 §6.3.1, security notes §3.3-§3.4).
    public struct Configuration: Sendable {
        /// URL syntax rules: https, allowed ports, no userinfo, query or fragment. IP literals pass
        /// only when listed in ``allowedHosts``, whatever this policy's `allowsIPLiterals` says.
        public var policy: X5UPolicy
        /// Host names and IP literals that may be fetched although they are IP literals or resolve
        /// to loopback or private addresses (the sandbox lists `localhost` and `127.0.0.1`).
        public var allowedHosts: Set<String>
        /// TLS trust roots.
        public var trustRoots: HTTPSClient.TrustRoots
        /// The connect timeout (2 s).
        public var connectTimeout: Duration
        /// The total deadline of one fetch (4 s), which also bounds a slow-drip body.
        public var totalTimeout: Duration
        /// The body cap (32 KiB).
        public var maximumBodySize: Int
        /// Accepted media types; `application/pem-certificate-chain` (ATIS-1000080 §6.3.1) and the
        /// tolerated `application/x-pem-file`.
        public var acceptedMediaTypes: Set<String>
        /// The least time a chain is reused, whatever `Cache-Control` says (24 h, ATIS-1000074 §5.3.1).
        public var minimumCacheLifetime: TimeInterval
        /// The most time a chain is reused, whatever `Cache-Control` says (7 days).
        public var maximumCacheLifetime: TimeInterval
        /// How long a failed fetch is answered from the negative cache (30 s).
        public var negativeCacheLifetime: TimeInterval
        /// The most chains kept (1000).
        public var cacheCapacity: Int

        /// Creates a configuration with the ATIS and security-notes defaults.
        public init(
            policy: X5UPolicy = X5UPolicy(), allowedHosts: Set<String> = [], trustRoots: HTTPSClient.TrustRoots = .system,
            connectTimeout: Duration = .seconds(2), totalTimeout: Duration = .seconds(4), maximumBodySize: Int = 32_768,
            acceptedMediaTypes: Set<String> = ["application/pem-certificate-chain", "application/x-pem-file"],
            minimumCacheLifetime: TimeInterval = 86_400, maximumCacheLifetime: TimeInterval = 7 * 86_400,
            negativeCacheLifetime: TimeInterval = 30, cacheCapacity: Int = 1_000
        ) {
            self.policy = policy
            self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
            self.trustRoots = trustRoots
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maximumBodySize = maximumBodySize
            self.acceptedMediaTypes = acceptedMediaTypes
            self.minimumCacheLifetime = minimumCacheLifetime
            self.maximumCacheLifetime = maximumCacheLifetime
            self.negativeCacheLifetime = negativeCacheLifetime
            self.cacheCapacity = cacheCapacity
        }
    }
}
