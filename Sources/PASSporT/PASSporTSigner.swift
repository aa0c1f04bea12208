import Crypto
import JOSE

/// Signs PASSporTs with ES256 (RFC 8225 §6, RFC 8588 §6).
///
/// Header and claims are written as canonical JSON (RFC 8225 §9) straight into the token buffer,
/// base64url-encoded in place, and signed; nothing goes through a general-purpose JSON encoder.
public struct PASSporTSigner: Sendable {
    private let privateKey: P256.Signing.PrivateKey

    /// Creates a signer for a P-256 private key (the key of the `x5u` certificate).
    public init(privateKey: P256.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// Signs a PASSporT and returns its full-form compact serialization (RFC 8225 §6–§7).
    ///
    /// - Throws: ``PASSporTError/Code/missingClaim`` / ``PASSporTError/Code/invalidClaim`` if the
    ///   claims do not suit the header's `ppt`; ``PASSporTError/Code/signingFailed`` if signing fails.
    public func sign(_ passport: PASSporT) throws(PASSporTError) -> SignedPASSporT {
        try passport.claims.validate(for: passport.header.ppt)
        var header = CanonicalJSONWriter(reservingCapacity: 128)
        passport.header.write(to: &header)
        var claims = CanonicalJSONWriter(reservingCapacity: 256)
        try passport.claims.write(to: &claims)
        var token: [UInt8] = []
        token.reserveCapacity(Base64URL.encodedLength(of: header.bytes.count + claims.bytes.count) + 90)
        Base64URL.encode(header.bytes, appendingTo: &token)
        token.append(UInt8(ascii: "."))
        Base64URL.encode(claims.bytes, appendingTo: &token)
        let signature: [UInt8]
        do {
            signature = try ES256.sign(token, using: privateKey)
        } catch {
            throw PASSporTError(code: .signingFailed, reason: error.reason)
        }
        token.append(UInt8(ascii: "."))
        Base64URL.encode(signature, appendingTo: &token)
        return SignedPASSporT(passport: passport, compact: String(decoding: token, as: UTF8.self), signature: signature)
    }
}
