import Crypto
import X509

extension Certificate.PrivateKey {
    /// The signature algorithm a CRL signed with this key uses by default: ecdsa-with-SHA256/384/512 for
    /// P-256/P-384/P-521 (RFC 5758 §3.2), sha256WithRSAEncryption for RSA (RFC 4055 §5), Ed25519 (RFC 8410 §3).
    var defaultCRLSignatureAlgorithm: Certificate.SignatureAlgorithm {
        let supported = supportedSignatureAlgorithms
        if supported.contains(.ed25519) {
            return .ed25519
        }
        if supported.contains(.sha256WithRSAEncryption) {
            return .sha256WithRSAEncryption
        }
        if P384.Signing.PublicKey(publicKey) != nil {
            return .ecdsaWithSHA384
        }
        if P521.Signing.PublicKey(publicKey) != nil {
            return .ecdsaWithSHA512
        }
        return .ecdsaWithSHA256
    }
}
