import Crypto
import Foundation

/// The reference ``CertificateRepository``: chains held in memory, URLs under a base URL.
public actor InMemoryCertificateRepository: CertificateRepository {
    /// The base URL, without a trailing slash, e.g. `https://sti-cr.example/certs`.
    public let baseURL: String
    private let now: @Sendable () -> Date
    private var chains: [String: PublishedChain] = [:]

    /// Creates an empty repository.
    ///
    /// - Parameters:
    ///   - baseURL: the URL the routes are served under.
    ///   - now: the clock recording publication times.
    public init(baseURL: String, now: @escaping @Sendable () -> Date) {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.baseURL = trimmed
        self.now = now
    }

    /// See ``CertificateRepository/publish(chainPEM:name:)``.
    public func publish(chainPEM: String, name: String) throws -> String {
        try CertificateRepositoryRules.validate(name: name)
        try CertificateRepositoryRules.validate(chainPEM: chainPEM)
        let digest = SHA256.hash(data: Array(chainPEM.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        chains[name] = PublishedChain(pem: chainPEM, entityTag: "\"\(digest)\"", publishedAt: now())
        return "\(baseURL)/\(name).pem"
    }

    /// See ``CertificateRepository/chain(named:)``.
    public func chain(named name: String) -> PublishedChain? {
        chains[name]
    }
}
