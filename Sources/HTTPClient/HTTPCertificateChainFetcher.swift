import ACMECore
import Foundation
import STIRServices
import X509

/// Fetches certificate chains named by `x5u` over HTTPS under the verifier rules of ATIS-1000074
/// §5.3.1 and ATIS-1000080 §6.3.1, hardened as security notes §3.3-§3.4 ask: https only on an
/// allowed port, no userinfo, query or fragment; IP literals and hosts resolving to loopback,
/// private, link-local or other restricted ranges refused unless allow-listed, with the checked
/// address pinned for the connection; 2 s connect and 4 s total timeouts; a 32 KiB body cap; no
/// redirects; HTTP 200 only; `application/pem-certificate-chain` (or `application/x-pem-file`);
/// a PEM body of certificates. Chains are cached per `Cache-Control` with a 24 h floor, never
/// beyond the earliest `notAfter`, with one download per URL at a time.
///
/// It serves PASSporT verification (``CertificateChainFetcher``) and SPC-token validation
/// (``TokenAuthorityCertificateSource``, RFC 9447 §4 `x5u`).
public final class HTTPCertificateChainFetcher: CertificateChainFetcher, TokenAuthorityCertificateSource, Sendable {
    /// The fetch rules.
    public let configuration: Configuration
    private let resolver: any HostResolver
    private let now: @Sendable () -> Date
    private let cache: X5UChainCache

    /// Creates a fetcher.
    ///
    /// - Parameters:
    ///   - configuration: The rules.
    ///   - resolver: Host resolution, checked before connecting.
    ///   - now: The clock for cache expiry.
    public init(configuration: Configuration = Configuration(), resolver: any HostResolver = SystemHostResolver(), now: @escaping @Sendable () -> Date) {
        self.configuration = configuration
        self.resolver = resolver
        self.now = now
        self.cache = X5UChainCache(capacity: configuration.cacheCapacity, negativeLifetime: configuration.negativeCacheLifetime)
    }

    /// The chain at `x5u`, leaf first, from the cache or one download.
    ///
    /// - Throws: ``HTTPClientError`` with the code of the broken rule.
    public func fetchChain(x5u: String) async throws -> [Certificate] {
        let fetchedAt = now()
        return try await cache.chain(for: x5u, now: fetchedAt) { [self] in
            try await self.download(x5u, at: fetchedAt)
        }
    }

    /// The token authority chain at `x5u` (RFC 9447 §4), under the same rules as ``fetchChain(x5u:)``.
    public func certificates(at x5u: String) async throws -> [Certificate] {
        try await fetchChain(x5u: x5u)
    }

    /// How many downloads were started (cache misses not answered by an in-flight fetch).
    public var downloadCount: Int {
        get async { await cache.downloads }
    }

    /// How many chains are cached.
    public var cachedCount: Int {
        get async { await cache.count }
    }

    private func download(_ url: String, at time: Date) async throws(HTTPClientError) -> X5UChainCache.Fetched {
        var policy = configuration.policy
        policy.allowsIPLiterals = true
        let components: X5UPolicy.Components
        do {
            components = try policy.validate(url)
        } catch {
            throw HTTPClientError(.invalidURL, error.reason)
        }
        let overrides = try await pinnedAddress(components.host).map { [components.host: $0.description] } ?? [:]
        let transport = HTTPSClient.Configuration(
            trustRoots: configuration.trustRoots, connectTimeout: configuration.connectTimeout,
            totalTimeout: configuration.totalTimeout, maximumBodySize: configuration.maximumBodySize,
            followsRedirects: false, hostOverrides: overrides
        )
        let client = try HTTPSClient(configuration: transport)
        let response: HTTPSResponse
        do {
            response = try await client.send(HTTPSRequest(url: url, headers: [HTTPHeaderField("Accept", "application/pem-certificate-chain")]))
            await client.shutdown()
        } catch {
            // A timed-out exchange may still hold its connection; close it without making the
            // caller wait for the server.
            Task { await client.shutdown() }
            throw error
        }
        let chain = try check(response, url: url)
        return X5UChainCache.Fetched(chain: chain, expires: expiry(response, chain: chain, at: time))
    }

    /// The address to connect to, after the allow-list and range checks; `nil` for an IP literal.
    private func pinnedAddress(_ host: String) async throws(HTTPClientError) -> IPAddress? {
        let allowListed = configuration.allowedHosts.contains(host)
        if IPAddress(host) != nil {
            guard allowListed else {
                throw HTTPClientError(.addressNotAllowed, "x5u host \(host) is an IP literal that is not allow-listed")
            }
            return nil
        }
        let addresses = try await resolver.addresses(of: host)
        if !allowListed, let restricted = addresses.first(where: \.isRestricted) {
            throw HTTPClientError(.addressNotAllowed, "x5u host \(host) resolves to the restricted address \(restricted)")
        }
        guard let first = addresses.first else {
            throw HTTPClientError(.resolutionFailed, "\(host) has no address")
        }
        return first
    }

    private func check(_ response: HTTPSResponse, url: String) throws(HTTPClientError) -> [Certificate] {
        if response.isRedirect {
            throw HTTPClientError(.redirectRefused, "\(url) answered \(response.status) to \(response.header("Location") ?? "?"); redirects are not followed")
        }
        guard response.status == 200 else {
            throw HTTPClientError(.unexpectedStatus, "\(url) answered \(response.status), not 200")
        }
        guard let type = response.mediaType, configuration.acceptedMediaTypes.contains(type) else {
            throw HTTPClientError(.wrongContentType, "\(url) served \(response.header("Content-Type") ?? "no Content-Type"), not application/pem-certificate-chain")
        }
        return try PEMCertificateChain.parse(response.body)
    }

    /// Reuse for `max-age` (or 24 h when absent, shorter, or forbidden), at most the configured
    /// maximum, and never beyond the earliest `notAfter` in the chain (security notes §3.4).
    private func expiry(_ response: HTTPSResponse, chain: [Certificate], at time: Date) -> Date {
        let directives = CacheDirectives(fieldValues: response.headers(named: "Cache-Control"))
        let advertised = directives.forbidsReuse ? 0 : TimeInterval(directives.maxAge ?? 0)
        let lifetime = min(max(advertised, configuration.minimumCacheLifetime), configuration.maximumCacheLifetime)
        let earliestNotAfter = chain.map(\.notValidAfter).min() ?? time
        return min(time.addingTimeInterval(lifetime), earliestNotAfter)
    }
}
