import Foundation
import SwiftASN1
import X509

/// The STI-CR: a repository publishing certificate chains at stable HTTPS URLs, the `x5u` targets of
/// PASSporTs (ATIS-1000080 §6.3.6; spec digest §4.2). Implementations keep what was published across
/// restarts; ``InMemoryCertificateRepository`` is the reference behaviour.
public protocol CertificateRepository: Sendable {
    /// Publishes `chainPEM` (end-entity first) under `name` and returns its URL, `<base>/<name>.pem`.
    /// Publishing again under the same name replaces the chain.
    ///
    /// - Throws: ``HTTPServerError/Code/invalidName`` or ``HTTPServerError/Code/invalidChain``.
    func publish(chainPEM: String, name: String) async throws -> String

    /// The chain published under `name`, or `nil`.
    func chain(named name: String) async throws -> PublishedChain?
}

/// A chain as the repository serves it.
public struct PublishedChain: Hashable, Sendable {
    /// The PEM text served.
    public let pem: String
    /// The strong entity tag (RFC 9110 §8.8.3): the quoted hex SHA-256 of the body.
    public let entityTag: String
    /// When it was published.
    public let publishedAt: Date

    /// Creates a published chain.
    public init(pem: String, entityTag: String, publishedAt: Date) {
        self.pem = pem
        self.entityTag = entityTag
        self.publishedAt = publishedAt
    }
}

/// The rules every repository applies before publishing.
public enum CertificateRepositoryRules {
    /// Checks that `name` is one safe path segment: 1 to 128 of `A-Z a-z 0-9 . _ -`, not starting with a dot.
    ///
    /// - Throws: ``HTTPServerError/Code/invalidName``.
    public static func validate(name: String) throws(HTTPServerError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard (1...128).contains(name.count), !name.hasPrefix("."), name.allSatisfy(allowed.contains) else {
            throw HTTPServerError(.invalidName, "\"\(name)\" is not a repository name (1-128 of A-Z a-z 0-9 . _ -, no leading dot)")
        }
    }

    /// Checks that `pem` is one or more PEM certificates and nothing else (RFC 8555 §9.1).
    ///
    /// - Throws: ``HTTPServerError/Code/invalidChain``.
    public static func validate(chainPEM pem: String) throws(HTTPServerError) {
        let certificates: [Certificate]
        do {
            certificates = try PEMDocument.parseMultiple(pemString: pem).map { document in
                guard document.discriminator == Certificate.defaultPEMDiscriminator else {
                    throw HTTPServerError(.invalidChain, "the chain holds a \(document.discriminator), not only certificates")
                }
                return try Certificate(derEncoded: document.derBytes)
            }
        } catch let error as HTTPServerError {
            throw error
        } catch {
            throw HTTPServerError(.invalidChain, "the chain is not PEM certificates: \(error)")
        }
        guard !certificates.isEmpty else {
            throw HTTPServerError(.invalidChain, "the chain holds no certificate")
        }
    }
}
