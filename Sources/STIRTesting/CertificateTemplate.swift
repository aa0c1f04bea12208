import Foundation
import SwiftASN1
import X509

/// Every field of a certificate, editable, for building deliberately broken variants in tests
/// directly with swift-certificates (no linting, no profile logic).
public struct CertificateTemplate: Sendable {
    /// The X.509 version.
    public var version: Certificate.Version
    /// The serial number.
    public var serialNumber: Certificate.SerialNumber
    /// The subject public key.
    public var publicKey: Certificate.PublicKey
    /// Start of validity.
    public var notValidBefore: Date
    /// End of validity.
    public var notValidAfter: Date
    /// The issuer name.
    public var issuer: DistinguishedName
    /// The subject name.
    public var subject: DistinguishedName
    /// The signature algorithm used when signing.
    public var signatureAlgorithm: Certificate.SignatureAlgorithm
    /// The extensions, in order.
    public var extensions: [Certificate.Extension]

    /// Copies every field of `certificate`.
    public init(_ certificate: Certificate) {
        self.version = certificate.version
        self.serialNumber = certificate.serialNumber
        self.publicKey = certificate.publicKey
        self.notValidBefore = certificate.notValidBefore
        self.notValidAfter = certificate.notValidAfter
        self.issuer = certificate.issuer
        self.subject = certificate.subject
        self.signatureAlgorithm = certificate.signatureAlgorithm
        self.extensions = Array(certificate.extensions)
    }

    /// Replaces the extension with the same OID, or appends it.
    public mutating func setExtension(_ ext: Certificate.Extension) {
        if let index = self.extensions.firstIndex(where: { $0.oid == ext.oid }) {
            self.extensions[index] = ext
        } else {
            self.extensions.append(ext)
        }
    }

    /// Replaces an extension with the result of `make`, or appends it.
    public mutating func setExtension(_ make: () throws -> Certificate.Extension) rethrows {
        self.setExtension(try make())
    }

    /// Removes the extension with `oid`.
    public mutating func removeExtension(_ oid: ASN1ObjectIdentifier) {
        self.extensions.removeAll { $0.oid == oid }
    }

    /// Sets the critical flag of the extension with `oid`.
    public mutating func setCritical(_ oid: ASN1ObjectIdentifier, _ critical: Bool) {
        guard let index = self.extensions.firstIndex(where: { $0.oid == oid }) else { return }
        let ext = self.extensions[index]
        self.extensions[index] = Certificate.Extension(oid: ext.oid, critical: critical, value: ext.value)
    }

    /// Signs the template.
    ///
    /// - Parameter key: The signing key.
    /// - Returns: The certificate.
    /// - Throws: When the fields cannot be encoded or signed.
    public func signed(by key: Certificate.PrivateKey) throws -> Certificate {
        try Certificate(
            version: self.version,
            serialNumber: self.serialNumber,
            publicKey: self.publicKey,
            notValidBefore: self.notValidBefore,
            notValidAfter: self.notValidAfter,
            issuer: self.issuer,
            subject: self.subject,
            signatureAlgorithm: self.signatureAlgorithm,
            extensions: try Certificate.Extensions(self.extensions),
            issuerPrivateKey: key
        )
    }
}
