import X509

/// An in-memory ``CertificateChainFetcher``: a fixed dictionary from exact `x5u` URL to chain.
///
/// The reference implementation for tests, tools and deployments that provision signer chains
/// out of band. Lookups are by the exact URL string (ATIS-1000074 §5.3.1 caches by URL; no
/// normalization is applied, so `https://a/x` and `https://A/x` are different keys).
public struct StaticCertificateChainFetcher: CertificateChainFetcher {
    /// The published chains, leaf first, keyed by exact `x5u`.
    public var chains: [String: [Certificate]]

    /// Creates a fetcher serving `chains`.
    public init(_ chains: [String: [Certificate]] = [:]) {
        self.chains = chains
    }

    /// Returns the chain stored for `x5u`.
    ///
    /// - Throws: ``STIRServicesError`` `chainNotFound` when no chain, or an empty one, is stored.
    public func fetchChain(x5u: String) async throws -> [Certificate] {
        guard let chain = chains[x5u], !chain.isEmpty else {
            throw STIRServicesError(.chainNotFound, "no certificate chain is published at \(x5u)")
        }
        return chain
    }
}
