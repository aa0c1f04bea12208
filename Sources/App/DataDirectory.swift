import Crypto
import SwiftASN1
import Foundation
import X509

/// The sandbox's data directory: one folder per authority, PEM files for keys and certificates,
/// written atomically with owner-only permissions for keys.
struct DataDirectory: Sendable {
    let root: String

    init(_ root: String) throws(AppError) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        try create("")
    }

    func path(_ relative: String) -> String {
        relative.isEmpty ? root : URL(fileURLWithPath: root).appendingPathComponent(relative).path
    }

    func create(_ relative: String) throws(AppError) {
        do {
            try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
        } catch {
            throw AppError(.dataDirectory, "cannot create \(path(relative)): \(error)")
        }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func read(_ relative: String) throws(AppError) -> Data? {
        guard exists(relative) else { return nil }
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            throw AppError(.dataDirectory, "cannot read \(path(relative))")
        }
        return data
    }

    func write(_ data: Data, to relative: String, secret: Bool = false) throws(AppError) {
        let target = path(relative)
        do {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path, withIntermediateDirectories: true
            )
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            if secret { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target) }
        } catch {
            throw AppError(.dataDirectory, "cannot write \(target): \(error)")
        }
    }

    func write(_ text: String, to relative: String, secret: Bool = false) throws(AppError) {
        try write(Data(text.utf8), to: relative, secret: secret)
    }

    /// The P-256 key in `relative`, created with `make` when absent.
    func key(_ relative: String, make: () -> P256.Signing.PrivateKey) throws(AppError) -> P256.Signing.PrivateKey {
        if let data = try read(relative) {
            do {
                return try P256.Signing.PrivateKey(pemRepresentation: String(decoding: data, as: UTF8.self))
            } catch {
                throw AppError(.corruptState, "\(path(relative)) is not a P-256 private key PEM: \(error)")
            }
        }
        let key = make()
        try write(key.pemRepresentation + "\n", to: relative, secret: true)
        return key
    }

    /// The certificates in `relative`, or `nil` when absent.
    func certificates(_ relative: String) throws(AppError) -> [Certificate]? {
        guard let data = try read(relative) else { return nil }
        do {
            let chain = try PEMDocument.parseMultiple(pemString: String(decoding: data, as: UTF8.self)).map { try Certificate(derEncoded: $0.derBytes) }
            guard !chain.isEmpty else { throw AppError(.corruptState, "\(path(relative)) holds no certificate") }
            return chain
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.corruptState, "\(path(relative)) is not a PEM certificate chain: \(error)")
        }
    }

    func write(certificates: [Certificate], to relative: String) throws(AppError) {
        try write(try Self.pem(certificates), to: relative)
    }

    /// The PEM text of `certificates`, one after the other.
    static func pem(_ certificates: [Certificate]) throws(AppError) -> String {
        do {
            return try certificates.map { try $0.serializeAsPEM().pemString + "\n" }.joined()
        } catch {
            throw AppError(.keyMaterial, "cannot encode a certificate as PEM: \(error)")
        }
    }
}
