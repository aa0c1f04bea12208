import Crypto
import Foundation
import HTTPServer

/// A durable STI-CR (ATIS-1000080 §6.3.6): each chain is a file `<name>.pem` in one folder, so a
/// restarted sandbox keeps serving every `x5u` it published. Same rules as
/// `InMemoryCertificateRepository`: safe names, PEM certificates only.
actor FileCertificateRepository: CertificateRepository {
    /// The URL the chains are served under, without a trailing slash.
    let baseURL: String
    private let directory: DataDirectory
    private let folder: String
    private let now: @Sendable () -> Date

    init(baseURL: String, directory: DataDirectory, folder: String, now: @escaping @Sendable () -> Date) throws(AppError) {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.baseURL = trimmed
        self.directory = directory
        self.folder = folder
        self.now = now
        try directory.create(folder)
    }

    func publish(chainPEM: String, name: String) throws -> String {
        try CertificateRepositoryRules.validate(name: name)
        try CertificateRepositoryRules.validate(chainPEM: chainPEM)
        try directory.write(chainPEM, to: folder + "/" + name + ".pem")
        return "\(baseURL)/\(name).pem"
    }

    func chain(named name: String) throws -> PublishedChain? {
        try CertificateRepositoryRules.validate(name: name)
        let relative = folder + "/" + name + ".pem"
        guard let data = try directory.read(relative) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory.path(relative))
        let modified = attributes?[.modificationDate] as? Date ?? now()
        let digest = SHA256.hash(data: data).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return PublishedChain(pem: String(decoding: data, as: UTF8.self), entityTag: "\"\(digest)\"", publishedAt: modified)
    }
}
