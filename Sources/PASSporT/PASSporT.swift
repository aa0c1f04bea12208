/// A PASSporT: a header and claims, before signing (RFC 8225 §3).
///
/// Constructing one does not sign it; use ``PASSporTSigner``. Use the ``shaken(x5u:attest:origid:orig:dest:iat:)``,
/// ``div(x5u:orig:dest:div:iat:)``, ``rcd(x5u:orig:dest:iat:rcd:rcdi:crn:)`` and
/// ``base(x5u:orig:dest:iat:)`` constructors for the common types.
public struct PASSporT: Hashable, Sendable {
    /// The protected header.
    public var header: PASSporTHeader
    /// The claims.
    public var claims: PASSporTClaims

    /// Creates a PASSporT, checking the claims the header's `ppt` requires.
    ///
    /// - Throws: ``PASSporTError/Code/missingClaim`` or ``PASSporTError/Code/invalidClaim``
    ///   (see ``PASSporTClaims/validate(for:)``).
    public init(header: PASSporTHeader, claims: PASSporTClaims) throws(PASSporTError) {
        try claims.validate(for: header.ppt)
        self.header = header
        self.claims = claims
    }

    /// A SHAKEN PASSporT, `ppt=shaken` (RFC 8588 §3–§4).
    ///
    /// - Parameters:
    ///   - x5u: the HTTPS URL of the signing certificate.
    ///   - attest: the attestation level.
    ///   - origid: the origination identifier (a UUID string chosen by the caller).
    ///   - orig: the canonical calling number.
    ///   - dest: the canonical called numbers.
    ///   - iat: the issue time in seconds since the epoch.
    /// - Throws: ``PASSporTError/Code/invalidTelephoneNumber`` or ``PASSporTError/Code/invalidClaim``.
    public static func shaken(
        x5u: String, attest: Attestation, origid: String, orig: String, dest: [String], iat: Int64
    ) throws(PASSporTError) -> PASSporT {
        let claims = PASSporTClaims(
            iat: iat,
            orig: try .telephoneNumber(orig),
            dest: try DestinationIdentities(telephoneNumbers: dest),
            attest: attest,
            origid: origid
        )
        return try PASSporT(header: PASSporTHeader(ppt: .shaken, x5u: x5u), claims: claims)
    }

    /// A diversion PASSporT, `ppt=div` (RFC 8946 §3): `dest` is the new target, `div` the original one.
    ///
    /// - Throws: ``PASSporTError/Code/invalidClaim`` for invalid claims.
    public static func div(
        x5u: String, orig: PASSporTIdentity, dest: DestinationIdentities, div: PASSporTIdentity, iat: Int64
    ) throws(PASSporTError) -> PASSporT {
        let claims = PASSporTClaims(iat: iat, orig: orig, dest: dest, div: div)
        return try PASSporT(header: PASSporTHeader(ppt: .div, x5u: x5u), claims: claims)
    }

    /// A Rich Call Data PASSporT, `ppt=rcd` (RFC 9795).
    ///
    /// - Throws: ``PASSporTError/Code/invalidClaim`` for invalid claims.
    public static func rcd(
        x5u: String,
        orig: PASSporTIdentity,
        dest: DestinationIdentities,
        iat: Int64,
        rcd: RichCallData,
        rcdi: [String: String]? = nil,
        crn: String? = nil
    ) throws(PASSporTError) -> PASSporT {
        let claims = PASSporTClaims(iat: iat, orig: orig, dest: dest, rcd: rcd, rcdi: rcdi, crn: crn)
        return try PASSporT(header: PASSporTHeader(ppt: .rcd, x5u: x5u), claims: claims)
    }

    /// A base PASSporT without `ppt` (RFC 8225).
    ///
    /// - Throws: ``PASSporTError/Code/invalidClaim`` for invalid claims.
    public static func base(
        x5u: String, orig: PASSporTIdentity, dest: DestinationIdentities, iat: Int64
    ) throws(PASSporTError) -> PASSporT {
        try PASSporT(header: PASSporTHeader(ppt: nil, x5u: x5u), claims: PASSporTClaims(iat: iat, orig: orig, dest: dest))
    }
}
