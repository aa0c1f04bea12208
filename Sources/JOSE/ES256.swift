import Crypto
import Foundation

/// ECDSA with P-256 and SHA-256 for JWS, `"alg":"ES256"` (RFC 7518 §3.4).
///
/// Signatures are the 64-byte raw `R || S` form (RFC 7518 §3.4), never DER. The algorithm is fixed
/// by calling this type; nothing here reads an `alg` from input.
public enum ES256 {
    /// The JWS `alg` value, `ES256` (RFC 7518 §3.1).
    public static let algorithm = "ES256"
    /// The length of a raw `R || S` signature (RFC 7518 §3.4).
    public static let signatureByteCount = 64

    /// Signs JWS signing-input bytes and returns the raw 64-byte `R || S` signature (RFC 7518 §3.4).
    ///
    /// - Throws: ``JOSEError/Code/signingFailed`` if the primitive fails.
    public static func sign(_ signingInput: some DataProtocol, using key: P256.Signing.PrivateKey) throws(JOSEError) -> [UInt8] {
        do {
            return Array(try key.signature(for: signingInput).rawRepresentation)
        } catch {
            throw JOSEError(code: .signingFailed, reason: "P-256 signing failed: \(error)")
        }
    }

    /// Verifies a raw `R || S` signature over JWS signing-input bytes (RFC 7518 §3.4, RFC 7515 §5.2).
    ///
    /// - Throws: ``JOSEError/Code/signatureInvalid`` when the signature is not exactly 64 bytes
    ///   (a DER-encoded signature is rejected), when R or S is zero or not below the group order,
    ///   or when it does not verify.
    public static func verify(
        signature: some DataProtocol,
        over signingInput: some DataProtocol,
        using key: P256.Signing.PublicKey
    ) throws(JOSEError) {
        guard signature.count == signatureByteCount else {
            throw JOSEError(
                code: .signatureInvalid,
                reason: "ES256 signature is \(signature.count) bytes, expected raw R||S of \(signatureByteCount)"
            )
        }
        let parsed: P256.Signing.ECDSASignature
        do {
            parsed = try P256.Signing.ECDSASignature(rawRepresentation: signature)
        } catch {
            throw JOSEError(code: .signatureInvalid, reason: "ES256 signature is not a valid R||S pair")
        }
        guard key.isValidSignature(parsed, for: signingInput) else {
            throw JOSEError(code: .signatureInvalid, reason: "ES256 signature does not verify")
        }
    }
}
