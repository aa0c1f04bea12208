#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import X509

/// The directory `shaken acme` keeps its keys and certificates in (issue item 7):
///
/// ```
/// DIR/account.key        the ACME account key (PKCS #8 PEM, mode 0600)
/// DIR/account.url        the account URL (kid) once registered
/// DIR/<name>.key         a certificate key (PKCS #8 PEM, mode 0600)
/// DIR/<name>.pem         the certificate (leaf only)
/// DIR/<name>.chain.pem   the chain, leaf first (RFC 8555 §9.1)
/// ```
///
/// The directory is created with mode 0700; every file is written to a temporary name and renamed,
/// so a crash never leaves a half-written key.
public struct ACMEKeyStore: Sendable {
    /// The directory path.
    public let directory: String

    /// Uses `directory`, creating it (0700) if needed.
    ///
    /// - Throws: ``HTTPClientError/Code/keyStoreFailure``.
    public init(directory: String) throws(HTTPClientError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw HTTPClientError(.keyStoreFailure, "cannot create \(directory): \(error)")
        }
    }

    /// The account key, or `nil` when none is stored.
    public func accountKey() throws(HTTPClientError) -> P256.Signing.PrivateKey? { try key(file: "account.key") }

    /// Stores the account key (0600).
    public func saveAccountKey(_ key: P256.Signing.PrivateKey) throws(HTTPClientError) {
        try write(Array(key.pemRepresentation.utf8), file: "account.key", mode: 0o600)
    }

    /// The stored account key, or a new one from `generate`, stored before it is returned.
    public func loadOrCreateAccountKey(_ generate: () -> P256.Signing.PrivateKey) throws(HTTPClientError) -> P256.Signing.PrivateKey {
        if let existing = try accountKey() { return existing }
        let key = generate()
        try saveAccountKey(key)
        return key
    }

    /// The account URL, or `nil`.
    public func accountURL() throws(HTTPClientError) -> String? {
        try read(file: "account.url").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Stores the account URL.
    public func saveAccountURL(_ url: String) throws(HTTPClientError) {
        try write(Array((url + "\n").utf8), file: "account.url", mode: 0o644)
    }

    /// The certificate key `name`, or `nil`.
    public func certificateKey(named name: String) throws(HTTPClientError) -> P256.Signing.PrivateKey? {
        try key(file: try Self.checked(name) + ".key")
    }

    /// Stores the certificate key `name` (0600).
    public func saveCertificateKey(_ key: P256.Signing.PrivateKey, named name: String) throws(HTTPClientError) {
        try write(Array(key.pemRepresentation.utf8), file: try Self.checked(name) + ".key", mode: 0o600)
    }

    /// Stores the chain of `name`: the leaf in `<name>.pem`, the whole chain in `<name>.chain.pem`.
    public func saveChain(_ chain: [Certificate], named name: String) throws(HTTPClientError) {
        let base = try Self.checked(name)
        guard let leaf = chain.first else { throw HTTPClientError(.keyStoreFailure, "cannot store an empty chain for \(name)") }
        try write(Array(try PEMCertificateChain.serialize([leaf]).utf8), file: base + ".pem", mode: 0o644)
        try write(Array(try PEMCertificateChain.serialize(chain).utf8), file: base + ".chain.pem", mode: 0o644)
    }

    /// The chain of `name`, leaf first, or `nil`.
    public func chain(named name: String) throws(HTTPClientError) -> [Certificate]? {
        try read(file: try Self.checked(name) + ".chain.pem").map { bytes throws(HTTPClientError) in try PEMCertificateChain.parse(bytes) }
    }

    /// The path of a file in the directory.
    public func path(_ file: String) -> String {
        (directory as NSString).appendingPathComponent(file)
    }

    // MARK: Files

    private func key(file: String) throws(HTTPClientError) -> P256.Signing.PrivateKey? {
        guard let bytes = try read(file: file) else { return nil }
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw HTTPClientError(.keyStoreFailure, "\(path(file)) is not a P-256 private key PEM: \(error)")
        }
    }

    private func read(file: String) throws(HTTPClientError) -> [UInt8]? {
        let target = path(file)
        guard FileManager.default.fileExists(atPath: target) else { return nil }
        guard let data = FileManager.default.contents(atPath: target) else {
            throw HTTPClientError(.keyStoreFailure, "cannot read \(target)")
        }
        return Array(data)
    }

    /// Writes to `<file>.tmp` created with `mode` (never wider), syncs, and renames over `file`.
    private func write(_ bytes: [UInt8], file: String, mode: mode_t) throws(HTTPClientError) {
        let target = path(file)
        let temporary = target + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw HTTPClientError(.keyStoreFailure, "cannot create \(temporary): errno \(errno)") }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                close(descriptor)
                unlink(temporary)
                throw HTTPClientError(.keyStoreFailure, "cannot write \(temporary): errno \(errno)")
            }
            written += result
        }
        fchmod(descriptor, mode)
        let synced = fsync(descriptor)
        close(descriptor)
        guard synced == 0, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw HTTPClientError(.keyStoreFailure, "cannot store \(target): errno \(errno)")
        }
    }

    /// A certificate name: 1-64 letters, digits, `-`, `_` or `.`, not starting with `.`, not `account`.
    static func checked(_ name: String) throws(HTTPClientError) -> String {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        guard (1...64).contains(name.count), allowed, !name.hasPrefix("."), name != "account" else {
            throw HTTPClientError(.keyStoreFailure, "\"\(name)\" is not a certificate name (letters, digits, - _ . ; not account)")
        }
        return name
    }
}

/// `write(2)`, named apart from the store's own `write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
    #else
    return Darwin.write(descriptor, buffer, count)
    #endif
}
