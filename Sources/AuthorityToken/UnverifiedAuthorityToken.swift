import Crypto
import JOSE

/// A received SPC token whose structure has been checked but whose signature has not
/// (RFC 9447 §4, RFC 9448 §6 steps 1–2).
///
/// Parsing is strict and bounded: at most ``maximumLength`` bytes, a JWE is refused, `alg` must be
/// `ES256` (pinned, never chosen from input), `typ` if present must be `JWT`, `x5u` must be an https
/// URL, `jwk`/`jku`/`x5c`/`crit` are refused, and duplicate JSON member names are rejected. The header
/// and claims are exposed only under `unverified` names; ``verifySignature(using:)`` with the key of
/// the validated `x5u` certificate yields a ``VerifiedAuthorityToken``.
public struct UnverifiedAuthorityToken: Hashable, Sendable {
    /// The default size limit in bytes; SPC tokens are well under 2 KiB.
    public static let maximumLength = 8_192

    /// The header, not yet authenticated.
    public let unverifiedHeader: AuthorityTokenHeader
    /// The claims, not yet authenticated.
    public let unverifiedClaims: AuthorityTokenClaims
    /// The received `header.payload` bytes (RFC 7515 §5.2 step 8).
    public let signingInput: ArraySlice<UInt8>
    /// The signature bytes as received.
    public let signature: [UInt8]
    /// The token as received.
    public let compact: String

    private static let parser = StrictJSONParser(maximumBytes: 4_096, maximumDepth: 6)

    /// Parses a compact SPC token.
    ///
    /// - Parameters:
    ///   - compact: the token text.
    ///   - maximumLength: the size limit in bytes.
    /// - Throws: ``AuthorityTokenError``: `tooLarge`, `malformedToken`, `duplicateKey` and the
    ///   header and claim codes.
    public init(compact text: some StringProtocol, maximumLength: Int = UnverifiedAuthorityToken.maximumLength) throws(AuthorityTokenError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumLength else {
            throw AuthorityTokenError(code: .tooLarge, reason: "token of \(bytes.count) bytes exceeds \(maximumLength)")
        }
        let jws: CompactJWS
        do {
            jws = try CompactJWS(bytes: bytes, maximumLength: maximumLength)
        } catch {
            throw AuthorityTokenError(code: .malformedToken, reason: error.reason)
        }
        guard !jws.isDetachedPayload else {
            throw AuthorityTokenError(code: .malformedToken, reason: "token has an empty payload")
        }
        unverifiedHeader = try AuthorityTokenHeader(jsonObject: Self.object(jws.header, part: "header"))
        unverifiedClaims = try AuthorityTokenClaims(jsonObject: Self.object(jws.payload, part: "payload"))
        signingInput = jws.signingInput
        signature = jws.signature
        compact = String(text)
    }

    private static func object(_ bytes: [UInt8], part: String) throws(AuthorityTokenError) -> JSONObject {
        do {
            return try parser.parseObject(bytes)
        } catch where error.code == .duplicateKey {
            throw AuthorityTokenError(code: .duplicateKey, reason: "\(part): \(error.reason)")
        } catch {
            throw AuthorityTokenError(code: .malformedToken, reason: "\(part): \(error.reason)")
        }
    }

    /// Verifies the ES256 signature over the received bytes (RFC 7515 §5.2, RFC 9448 §6) with the
    /// public key of the token authority's certificate, which the caller fetched from `x5u` and validated.
    ///
    /// - Throws: ``AuthorityTokenError/Code/signatureInvalid``.
    public func verifySignature(using key: P256.Signing.PublicKey) throws(AuthorityTokenError) -> VerifiedAuthorityToken {
        do {
            try ES256.verify(signature: signature, over: signingInput, using: key)
        } catch {
            throw AuthorityTokenError(code: .signatureInvalid, reason: error.reason)
        }
        return VerifiedAuthorityToken(header: unverifiedHeader, claims: unverifiedClaims, compact: compact)
    }
}
