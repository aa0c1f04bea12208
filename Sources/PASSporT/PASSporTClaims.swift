import JOSE

/// The claims (JWT payload) of a PASSporT (RFC 8225 §5, RFC 8588 §4, RFC 8946 §3, RFC 9795 §6).
///
/// Property names are the claim names. Claims this library does not interpret are kept in
/// ``additionalClaims`` and ignored by every check (RFC 8225 §8.3 lets a PASSporT carry others).
public struct PASSporTClaims: Hashable, Sendable {
    /// Issued-at time, NumericDate in whole seconds, claim `iat` (RFC 8225 §5.1.1).
    public var iat: Int64
    /// The originating identity, claim `orig` (RFC 8225 §5.2.1).
    public var orig: PASSporTIdentity
    /// The destination identities, claim `dest` (RFC 8225 §5.2.1).
    public var dest: DestinationIdentities
    /// The SHAKEN attestation level, claim `attest` (RFC 8588 §4); required for `ppt=shaken`.
    public var attest: Attestation?
    /// The origination identifier, claim `origid` (RFC 8588 §4); required for `ppt=shaken`.
    public var origid: String?
    /// The diverted-from identity, claim `div` (RFC 8946 §3); required for `ppt=div`.
    public var div: PASSporTIdentity?
    /// Rich Call Data, claim `rcd` (RFC 9795 §6); required for `ppt=rcd`.
    public var rcd: RichCallData?
    /// Rich Call Data integrity, claim `rcdi` (RFC 9795 §7): JSON pointer → digest such as
    /// `sha256-<base64>`. Only allowed together with `rcd`.
    public var rcdi: [String: String]?
    /// The call reason, claim `crn` (RFC 9795 §9).
    public var crn: String?
    /// Media key fingerprints, claim `mky` (RFC 8225 §5.2.2).
    public var mky: [MediaKey]?
    /// Claims not interpreted by this library, kept as received.
    public var additionalClaims: JSONObject

    /// Creates claims; ``validate(for:)`` checks them against a PASSporT type.
    public init(
        iat: Int64,
        orig: PASSporTIdentity,
        dest: DestinationIdentities,
        attest: Attestation? = nil,
        origid: String? = nil,
        div: PASSporTIdentity? = nil,
        rcd: RichCallData? = nil,
        rcdi: [String: String]? = nil,
        crn: String? = nil,
        mky: [MediaKey]? = nil,
        additionalClaims: JSONObject = JSONObject()
    ) {
        self.iat = iat
        self.orig = orig
        self.dest = dest
        self.attest = attest
        self.origid = origid
        self.div = div
        self.rcd = rcd
        self.rcdi = rcdi
        self.crn = crn
        self.mky = mky
        self.additionalClaims = additionalClaims
    }

    /// Checks the claims a PASSporT type requires.
    ///
    /// - `shaken` needs `attest` and a non-empty `origid` (RFC 8588 §4, ATIS-1000074 §5.3.2);
    /// - `div` needs `div` (RFC 8946 §3); `rcd` needs `rcd` (RFC 9795 §6);
    /// - `rcdi` is only allowed with `rcd` (RFC 9795 §7); `iat` must not be negative (RFC 7519 §2).
    ///
    /// - Throws: ``PASSporTError/Code/missingClaim`` or ``PASSporTError/Code/invalidClaim``.
    public func validate(for ppt: PASSporTExtension?) throws(PASSporTError) {
        guard iat >= 0 else { throw PASSporTError(code: .invalidClaim, reason: "iat must not be negative") }
        if rcdi != nil, rcd == nil {
            throw PASSporTError(code: .invalidClaim, reason: "rcdi is only allowed together with rcd (RFC 9795 §7)")
        }
        if let origid, origid.isEmpty {
            throw PASSporTError(code: .invalidClaim, reason: "origid must not be empty")
        }
        switch ppt {
        case .shaken:
            guard attest != nil else { throw PASSporTError(code: .missingClaim, reason: "ppt shaken requires attest (RFC 8588 §4)") }
            guard origid != nil else { throw PASSporTError(code: .missingClaim, reason: "ppt shaken requires origid (RFC 8588 §4)") }
        case .div:
            guard div != nil else { throw PASSporTError(code: .missingClaim, reason: "ppt div requires div (RFC 8946 §3)") }
        case .rcd:
            guard rcd != nil else { throw PASSporTError(code: .missingClaim, reason: "ppt rcd requires rcd (RFC 9795 §6)") }
        case nil:
            break
        }
    }

    /// Classifies `iat` against the current time, in both directions (RFC 8224 §4.1, §6.2).
    ///
    /// - Parameters:
    ///   - now: the current time in seconds since the epoch, supplied by the caller.
    ///   - tolerance: the accepted distance in seconds either way; RFC 8224 recommends 60.
    public func checkFreshness(now: Int64, tolerance: Int64 = 60) -> Freshness {
        let (age, overflow) = now.subtractingReportingOverflow(iat)
        if overflow { return now < iat ? .futureDated(secondsAhead: Int64.max) : .stale(ageSeconds: Int64.max) }
        if age > tolerance { return .stale(ageSeconds: age) }
        if age < -tolerance { return .futureDated(secondsAhead: -age) }
        return .fresh
    }
}
