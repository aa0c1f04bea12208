import Crypto
import JOSE

/// A received PASSporT whose structure has been checked but whose signature has not
/// (RFC 8224 §6.2, RFC 8225 §6).
///
/// Parsing is strict: a five-segment JWE, the compact form, any `alg` other than `ES256`, a `typ`
/// other than `passport`, an unsupported `ppt`, an embedded key (`jwk`, `x5c`, `jku`), a `crit`
/// header, duplicate JSON member names and malformed claims are all rejected with a specific
/// ``PASSporTError/Code``. The header and claims are exposed only under `unverified` names; call
/// ``verifySignature(using:)`` with the key of the `x5u` certificate to obtain a ``VerifiedPASSporT``.
public struct UnverifiedPASSporT: Hashable, Sendable {
    /// The header, not yet authenticated.
    public let unverifiedHeader: PASSporTHeader
    /// The claims, not yet authenticated.
    public let unverifiedClaims: PASSporTClaims
    /// The exact signed bytes: the received `header.payload` text, or for the compact form the
    /// reconstruction of RFC 8225 §7.
    public let signingInput: ArraySlice<UInt8>
    /// The raw signature bytes as received (checked for length during verification).
    public let signature: [UInt8]
    /// The token as received.
    public let compact: String

    /// The parser used for header and payload JSON: 8 KiB and depth 8 are far above any PASSporT.
    static let parser = StrictJSONParser(maximumBytes: 8_192, maximumDepth: 8)

    /// Parses a full-form PASSporT (RFC 8225 §6).
    ///
    /// - Throws: ``PASSporTError``; see the type's description for the codes.
    public init(compact: some StringProtocol) throws(PASSporTError) {
        try self.init(bytes: Array(compact.utf8), text: String(compact))
    }

    /// Parses a full-form PASSporT from its ASCII bytes.
    ///
    /// - Throws: as ``init(compact:)``.
    public init(bytes: [UInt8]) throws(PASSporTError) {
        try self.init(bytes: bytes, text: nil)
    }

    private init(bytes: [UInt8], text: String?) throws(PASSporTError) {
        // The compact form is refused before any other structural error; a well-formed JWS
        // tells its shape itself, so the dots are scanned once on the usual path.
        let jws: CompactJWS
        do {
            jws = try CompactJWS(bytes: bytes, maximumLength: 16_384)
        } catch {
            if CompactJWS.hasDetachedPayloadShape(bytes) { throw Self.compactFormRefused }
            throw PASSporTError(code: .malformedToken, reason: error.reason)
        }
        if jws.isDetachedPayload { throw Self.compactFormRefused }
        // The usual shapes are read straight into typed fields; anything else, and every error,
        // goes through the strict parser's tree and the checks over it.
        let header: PASSporTHeader
        if let direct = PASSporTHeader.directlyParsed(jws.header, limits: Self.parser) {
            header = direct
        } else {
            header = try PASSporTHeader(jsonObject: Self.object(jws.header, part: "header"))
        }
        let claims: PASSporTClaims
        if let direct = PASSporTClaims.directlyParsed(jws.payload, limits: Self.parser) {
            claims = direct
        } else {
            claims = try PASSporTClaims(jsonObject: Self.object(jws.payload, part: "payload"))
        }
        try claims.validate(for: header.ppt)
        unverifiedHeader = header
        unverifiedClaims = claims
        signingInput = jws.signingInput
        signature = jws.signature
        compact = text ?? jws.compactSerialization
    }

    /// Accepts a compact-form PASSporT (`..signature` or `header..signature`, RFC 8225 §7) whose
    /// header and claims the caller has rebuilt from the SIP request.
    ///
    /// The signing input is the canonical serialization of the reconstruction (RFC 8225 §9); a
    /// received header segment must equal it exactly. SHAKEN forbids the compact form
    /// (RFC 8588 §6), so a `ppt=shaken` reconstruction is rejected.
    /// - Throws: ``PASSporTError/Code/compactFormNotAllowed`` for SHAKEN,
    ///   ``PASSporTError/Code/malformedToken`` for a token that is not in compact form.
    public init(
        compactForm token: some StringProtocol, reconstructedHeader: PASSporTHeader, reconstructedClaims: PASSporTClaims
    ) throws(PASSporTError) {
        guard reconstructedHeader.ppt != .shaken else {
            throw PASSporTError(code: .compactFormNotAllowed, reason: "SHAKEN requires the full form (RFC 8588 §6)")
        }
        try reconstructedClaims.validate(for: reconstructedHeader.ppt)
        let bytes = Array(token.utf8)
        guard CompactJWS.hasDetachedPayloadShape(bytes), let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot + 2 < bytes.count else {
            throw PASSporTError(code: .malformedToken, reason: "compact form must be header..signature or ..signature")
        }
        var input: [UInt8] = []
        Base64URL.encode(reconstructedHeader.canonicalJSON(), appendingTo: &input)
        guard dot == 0 || bytes[..<dot].elementsEqual(input) else {
            throw PASSporTError(code: .malformedToken, reason: "compact-form header differs from the reconstructed header")
        }
        input.append(UInt8(ascii: "."))
        Base64URL.encode(try reconstructedClaims.canonicalJSON(), appendingTo: &input)
        do {
            signature = try Base64URL.decode(bytes: bytes[(dot + 2)...])
        } catch {
            throw PASSporTError(code: .malformedToken, reason: error.reason)
        }
        unverifiedHeader = reconstructedHeader
        unverifiedClaims = reconstructedClaims
        signingInput = input[...]
        compact = String(token)
    }

    private static var compactFormRefused: PASSporTError {
        PASSporTError(code: .compactFormNotAllowed, reason: "compact form (empty payload) requires reconstructed claims (RFC 8225 §7)")
    }

    private static func object(_ bytes: [UInt8], part: String) throws(PASSporTError) -> JSONObject {
        do {
            return try parser.parseObject(bytes)
        } catch where error.code == .duplicateKey {
            throw PASSporTError(code: .duplicateKey, reason: "\(part): \(error.reason)")
        } catch {
            throw PASSporTError(code: .malformedToken, reason: "\(part): \(error.reason)")
        }
    }

    /// Verifies the ES256 signature over the received bytes (RFC 8225 §6, RFC 7515 §5.2) with the
    /// public key of the certificate named by `x5u`, which the caller has fetched and validated.
    ///
    /// - Throws: ``PASSporTError/Code/signatureInvalid`` for a signature that is not 64 bytes,
    ///   has R or S out of range, or does not verify.
    public func verifySignature(using key: P256.Signing.PublicKey) throws(PASSporTError) -> VerifiedPASSporT {
        do {
            try ES256.verify(signature: signature, over: signingInput, using: key)
        } catch {
            throw PASSporTError(code: .signatureInvalid, reason: error.reason)
        }
        return VerifiedPASSporT(header: unverifiedHeader, claims: unverifiedClaims, compact: compact)
    }

    /// Classifies the unverified `iat` against `now`, in both directions (RFC 8224 §6.2).
    ///
    /// - Parameters:
    ///   - now: the current time in seconds since the epoch, supplied by the caller.
    ///   - tolerance: the accepted distance in seconds either way (default 60, RFC 8224 §4.1).
    public func checkFreshness(now: Int64, tolerance: Int64 = 60) -> Freshness {
        unverifiedClaims.checkFreshness(now: now, tolerance: tolerance)
    }
}
