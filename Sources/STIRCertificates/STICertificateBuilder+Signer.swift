import Crypto
import X509

extension STICertificateBuilder {
    /// The issuer-side material for one issuance: name, keys, algorithm and key identifier.
    struct Signer {
        let name: DistinguishedName
        let key: Certificate.PrivateKey
        let publicKey: Certificate.PublicKey
        let lintKey: Certificate.PrivateKey
        let algorithm: Certificate.SignatureAlgorithm
        let certificate: Certificate?
        /// The issuer's key identifier for the AKI; `nil` for a self-signed certificate.
        let keyIdentifier: ArraySlice<UInt8>?

        init(issuer: Issuer, profile: STICertificateProfile, subject: DistinguishedName) throws {
            switch (issuer, profile) {
            case (.selfSigned(let key), .root):
                self.name = subject
                self.key = key
                self.certificate = nil
                self.keyIdentifier = nil
                self.publicKey = key.publicKey
            case (.certificate(let certificate, let key), .intermediate), (.certificate(let certificate, let key), .endEntity),
                (.certificate(let certificate, let key), .subordinateCA),
                (.certificate(let certificate, let key), .delegateEndEntity),
                (.certificate(let certificate, let key), .delegateCA):
                guard key.publicKey == certificate.publicKey else {
                    throw STIRCertificatesError(.invalidIssuer, "the private key does not belong to the issuer certificate")
                }
                guard let ski = (try? certificate.extensions.subjectKeyIdentifier) ?? nil else {
                    throw STIRCertificatesError(.invalidIssuer, "the issuer certificate has no subjectKeyIdentifier")
                }
                self.name = certificate.subject
                self.key = key
                self.certificate = certificate
                self.keyIdentifier = ski.keyIdentifier
                self.publicKey = certificate.publicKey
            case (.selfSigned, _):
                throw STIRCertificatesError(.invalidIssuer, "only a root certificate is self-signed")
            case (.certificate, _):
                throw STIRCertificatesError(.invalidIssuer, "a root certificate must be self-signed")
            }
            (self.algorithm, self.lintKey) = try Self.algorithmAndLintKey(for: self.publicKey)
        }

        /// ecdsa-with-SHA256 for P-256 issuers, ecdsa-with-SHA384 for P-384 CA keys (SHAKEN CP v1.4); the
        /// lint-only key is a fixed, publicly derivable key of the same curve, never trusted by anyone.
        private static func algorithmAndLintKey(
            for publicKey: Certificate.PublicKey
        ) throws -> (Certificate.SignatureAlgorithm, Certificate.PrivateKey) {
            do {
                if P256.Signing.PublicKey(publicKey) != nil {
                    let seed = SHA256.hash(data: Array("STICertificateBuilder lint-only P-256 key".utf8))
                    let key = try P256.Signing.PrivateKey(rawRepresentation: Array(seed))
                    return (.ecdsaWithSHA256, Certificate.PrivateKey(key))
                }
                if P384.Signing.PublicKey(publicKey) != nil {
                    let seed = SHA384.hash(data: Array("STICertificateBuilder lint-only P-384 key".utf8))
                    let key = try P384.Signing.PrivateKey(rawRepresentation: Array(seed))
                    return (.ecdsaWithSHA384, Certificate.PrivateKey(key))
                }
            } catch {
                throw STIRCertificatesError(.signingFailed, "cannot derive the lint-only key: \(error)")
            }
            throw STIRCertificatesError(.unsupportedKey, "the issuer key must be ECDSA P-256 (or P-384 for a CA)")
        }
    }
}
