import CertificateRevocation
import Crypto
import Foundation
import SwiftASN1
import X509

/// Reading and writing the files commands take: PEM certificates and bundles, PEM keys, CRLs (RFC 7468).
///
/// Every error names the file it is about.
enum InputFiles {
    /// The bytes of a file.
    static func bytes(_ path: String) throws(ShakenCLIError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ShakenCLIError(.fileUnreadable, "\(path): no such file")
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ShakenCLIError(.fileUnreadable, "\(path): cannot read: \(error.localizedDescription)")
        }
    }

    /// The text of a file, which must be UTF-8.
    static func text(_ path: String) throws(ShakenCLIError) -> String {
        let data = try bytes(path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ShakenCLIError(.invalidPEM, "\(path): not a text (PEM) file")
        }
        return text
    }

    /// Writes text to a file; `secret` files get mode 0600.
    static func write(_ text: String, to path: String, secret: Bool = false) throws(ShakenCLIError) {
        let attributes: [FileAttributeKey: Any]? = secret ? [.posixPermissions: 0o600] : nil
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: attributes) else {
            throw ShakenCLIError(.fileUnwritable, "\(path): cannot write the file")
        }
    }

    /// The PEM blocks of a file (RFC 7468), in order.
    static func pemDocuments(_ path: String) throws(ShakenCLIError) -> [PEMDocument] {
        let text = try text(path)
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: text)
        } catch {
            throw ShakenCLIError(.invalidPEM, "\(path): not a valid PEM file")
        }
        guard !documents.isEmpty else {
            throw ShakenCLIError(.invalidPEM, "\(path): no PEM block found")
        }
        return documents
    }

    /// Every certificate in a PEM file or bundle, in file order (RFC 7468 §5); DER is accepted too.
    static func certificates(_ path: String) throws(ShakenCLIError) -> [Certificate] {
        let raw = try bytes(path)
        if !raw.starts(with: Array("-----BEGIN".utf8)), String(validating: raw, as: UTF8.self)?.contains("-----BEGIN") != true {
            do {
                return [try Certificate(derEncoded: raw)]
            } catch {
                throw ShakenCLIError(.invalidCertificate, "\(path): neither PEM nor a DER certificate: \(error)")
            }
        }
        let blocks = try pemDocuments(path).filter { $0.discriminator == "CERTIFICATE" }
        guard !blocks.isEmpty else {
            throw ShakenCLIError(.invalidPEM, "\(path): no CERTIFICATE block found")
        }
        var certificates: [Certificate] = []
        for (index, block) in blocks.enumerated() {
            do {
                certificates.append(try Certificate(derEncoded: block.derBytes))
            } catch {
                throw ShakenCLIError(.invalidCertificate, "\(path): certificate \(index + 1) does not parse: \(error)")
            }
        }
        return certificates
    }

    /// The single (first) certificate of a PEM file.
    static func certificate(_ path: String) throws(ShakenCLIError) -> Certificate {
        let all = try certificates(path)
        guard let first = all.first else {
            throw ShakenCLIError(.invalidPEM, "\(path): no certificate found")
        }
        return first
    }

    /// A P-256 private key from a PKCS#8 (`PRIVATE KEY`) or SEC 1 (`EC PRIVATE KEY`) PEM file.
    static func p256PrivateKey(_ path: String) throws(ShakenCLIError) -> P256.Signing.PrivateKey {
        let text = try text(path)
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: text)
        } catch {
            throw ShakenCLIError(.invalidKey, "\(path): not a P-256 private key in PEM (PKCS#8 or SEC 1)")
        }
    }

    /// A signing key for certificates and CRLs: P-256, or P-384 for CA keys (SHAKEN CP v1.4).
    static func signingKey(_ path: String) throws(ShakenCLIError) -> Certificate.PrivateKey {
        let text = try text(path)
        if let key = try? P256.Signing.PrivateKey(pemRepresentation: text) {
            return Certificate.PrivateKey(key)
        }
        if let key = try? P384.Signing.PrivateKey(pemRepresentation: text) {
            return Certificate.PrivateKey(key)
        }
        throw ShakenCLIError(.invalidKey, "\(path): not a P-256 or P-384 private key in PEM")
    }

    /// A public key from a private key PEM, a `PUBLIC KEY` PEM (SPKI) or a certificate.
    static func publicKey(_ path: String) throws(ShakenCLIError) -> Certificate.PublicKey {
        let text = try text(path)
        if let key = try? P256.Signing.PrivateKey(pemRepresentation: text) {
            return Certificate.PublicKey(key.publicKey)
        }
        if let key = try? P384.Signing.PrivateKey(pemRepresentation: text) {
            return Certificate.PublicKey(key.publicKey)
        }
        if let key = try? Certificate.PublicKey(pemEncoded: text) {
            return key
        }
        if let certificate = try? Certificate(pemEncoded: text) {
            return certificate.publicKey
        }
        throw ShakenCLIError(.invalidKey, "\(path): holds no private key, public key or certificate in PEM")
    }

    /// A CRL in PEM (`X509 CRL`) or DER (RFC 5280 §5.1).
    static func crl(_ path: String) throws(ShakenCLIError) -> CertificateRevocationList {
        let raw = try bytes(path)
        if let text = String(validating: raw, as: UTF8.self), text.contains("-----BEGIN") {
            do {
                return try CertificateRevocationList(pemEncoded: text)
            } catch {
                throw ShakenCLIError(.invalidCRL, "\(path): not a PEM X509 CRL: \(error)")
            }
        }
        do {
            return try CertificateRevocationList(derEncoded: raw)
        } catch {
            throw ShakenCLIError(.invalidCRL, "\(path): not a DER CRL: \(error)")
        }
    }
}
