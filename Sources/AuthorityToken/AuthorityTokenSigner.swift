import Crypto
import JOSE

/// Signs SPC tokens with ES256 (RFC 9447 §4, ATIS-1000080 §6.3.5.2): the token authority's side.
///
/// Header and claims are written as canonical JSON and signed over their base64url form.
public struct AuthorityTokenSigner: Sendable {
    private let privateKey: P256.Signing.PrivateKey
    /// The header every token carries, naming the authority's certificate.
    public let header: AuthorityTokenHeader

    /// Creates a signer for the token authority's key and certificate URL.
    ///
    /// - Parameters:
    ///   - privateKey: the key of the certificate at `x5u`.
    ///   - x5u: the https URL of that certificate.
    /// - Throws: ``AuthorityTokenError/Code/invalidHeaderParameter`` for a non-https `x5u`.
    public init(privateKey: P256.Signing.PrivateKey, x5u: String) throws(AuthorityTokenError) {
        self.privateKey = privateKey
        self.header = try AuthorityTokenHeader(x5u: x5u)
    }

    /// Signs claims and returns the compact serialization (RFC 7515 §7.1).
    ///
    /// - Throws: ``AuthorityTokenError/Code/invalidTokenValue`` or ``AuthorityTokenError/Code/signingFailed``.
    public func sign(_ claims: AuthorityTokenClaims) throws(AuthorityTokenError) -> String {
        let headerBytes = CanonicalJSON.encode(header.jsonValue)
        let claimBytes = try claims.canonicalJSON()
        var token: [UInt8] = []
        token.reserveCapacity(Base64URL.encodedLength(of: headerBytes.count + claimBytes.count) + 90)
        Base64URL.encode(headerBytes, appendingTo: &token)
        token.append(UInt8(ascii: "."))
        Base64URL.encode(claimBytes, appendingTo: &token)
        let signature: [UInt8]
        do {
            signature = try ES256.sign(token, using: privateKey)
        } catch {
            throw AuthorityTokenError(code: .signingFailed, reason: error.reason)
        }
        token.append(UInt8(ascii: "."))
        Base64URL.encode(signature, appendingTo: &token)
        return String(decoding: token, as: UTF8.self)
    }
}
