import Crypto
import Foundation
import STIRCertificates
import SwiftASN1
import X509

/// A certificate with its P-256 key, kept as `<name>.pem` and `<name>.key` in an authority's folder.
struct KeyedCertificate: Sendable {
    let certificate: Certificate
    let key: P256.Signing.PrivateKey

    var privateKey: Certificate.PrivateKey { Certificate.PrivateKey(key) }

    /// Loads `<name>.pem`/`<name>.key`, or makes them with `make` (given a fresh key) and keeps them.
    static func loadOrCreate(
        _ name: String, in directory: DataDirectory, environment: SandboxEnvironment,
        make: (P256.Signing.PrivateKey) throws -> Certificate
    ) throws(AppError) -> KeyedCertificate {
        if let certificates = try directory.certificates(name + ".pem"), let certificate = certificates.first {
            let key = try directory.key(name + ".key") { environment.makeKey() }
            guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
                throw AppError(.corruptState, "\(directory.path(name + ".key")) does not match \(directory.path(name + ".pem"))")
            }
            return KeyedCertificate(certificate: certificate, key: key)
        }
        let key = environment.makeKey()
        let certificate: Certificate
        do {
            certificate = try make(key)
        } catch {
            throw AppError(.keyMaterial, "cannot create \(name): \(error)")
        }
        try directory.write(key.pemRepresentation + "\n", to: name + ".key", secret: true)
        try directory.write(certificates: [certificate], to: name + ".pem")
        return KeyedCertificate(certificate: certificate, key: key)
    }

    /// A self-signed P-256 certificate authority for a token authority's anchor (RFC 9447 §3: the
    /// `x5u` chain of the token-signing certificate ends at a configured anchor).
    static func selfSignedAuthority(commonName: String, key: P256.Signing.PrivateKey, now: Date, lifetime: TimeInterval, random: inout some RandomNumberGenerator) throws -> Certificate {
        let name = try DistinguishedName.shaken(commonName: commonName, organization: "swift-shaken sandbox", country: "US")
        let publicKey = Certificate.PublicKey(key.publicKey)
        return try Certificate(
            version: .v3, serialNumber: STICertificateBuilder.randomSerialNumber(using: &random), publicKey: publicKey,
            notValidBefore: now - 3_600, notValidAfter: now + lifetime, issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
    }

    /// An end-entity signing certificate under `issuer` (the token-signing certificate a token's `x5u` names).
    static func signingCertificate(
        commonName: String, key: P256.Signing.PrivateKey, issuer: KeyedCertificate, now: Date, lifetime: TimeInterval,
        random: inout some RandomNumberGenerator
    ) throws -> Certificate {
        let publicKey = Certificate.PublicKey(key.publicKey)
        return try Certificate(
            version: .v3, serialNumber: STICertificateBuilder.randomSerialNumber(using: &random), publicKey: publicKey,
            notValidBefore: now - 3_600, notValidAfter: min(now + lifetime, issuer.certificate.notValidAfter),
            issuer: issuer.certificate.subject,
            subject: try DistinguishedName.shaken(commonName: commonName, organization: "swift-shaken sandbox", country: "US"),
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: try issuer.certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
            },
            issuerPrivateKey: issuer.privateKey
        )
    }
}
