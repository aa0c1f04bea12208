/// Why a verification service did not pass a call, one case per distinct cause
/// (RFC 8224 §6.2.2, ATIS-1000074 §5.3.2, ATIS-1000082 errors E3–E19).
///
/// Each case maps to one of the five SIP responses (``Category``), one ``Verstat`` and one
/// `Reason` header; the table is in `VerificationFailure+Table.swift`, the translation from
/// PASSporT and chain error codes in `VerificationFailure+Mapping.swift`.
public enum VerificationFailure: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    // MARK: 403 Stale Date
    /// `iat` is older than the freshness window (RFC 8224 §6.2 step 4, ATIS-1000082 E15).
    case iatTooOld
    /// `iat` is later than now by more than the freshness window (RFC 8224 §6.2).
    case iatInFuture

    // MARK: 428 Use Identity Header
    /// The request carries no Identity header (RFC 8224 §6.2.2).
    case identityMissing

    // MARK: 436 Bad Identity Info
    /// The Identity header has no `info` parameter (RFC 8224 §4.1, ATIS-1000082 E6).
    case infoMissing
    /// `info`/`x5u` breaks ``X5UPolicy``: not https, bad port, userinfo, query or fragment (E7).
    case x5uNotAllowed
    /// The PASSporT header lacks `x5u`, `typ` or `alg`, or `x5u` is not a string (ATIS-1000082 E9).
    case headerParameterMissing
    /// The Identity `info` differs from the PASSporT `x5u` (RFC 8588 §6, ATIS-1000082 E10).
    case infoMismatch
    /// The certificate chain at `x5u` could not be fetched (RFC 8224 §6.2.2, ATIS-1000082 E8).
    case chainFetchFailed

    // MARK: 437 Unsupported Credential
    /// `typ` is not `passport` (RFC 8225 §4.1, ATIS-1000082 E11).
    case unsupportedType
    /// `alg` is not `ES256` (RFC 8588 §6, ATIS-1000082 E12).
    case unsupportedAlgorithm
    /// The header carries `jwk`, `x5c` or `jku`: the key must come from `x5u` (RFC 8225 §4.3).
    case embeddedKeyNotAllowed
    /// No path from the signing certificate to a trust anchor (RFC 5280 §6.1, ATIS-1000082 E17).
    case chainUntrusted
    /// A certificate of the chain has expired (RFC 5280 §6.1.3 (a)(2)).
    case certificateExpired
    /// A certificate of the chain is not yet valid (RFC 5280 §6.1.3 (a)(2)).
    case certificateNotYetValid
    /// A certificate breaks the SHAKEN profile (ATIS-1000080 §6.4.1, ATIS-1000092 §5.3.6).
    case certificateProfileViolation
    /// The signing key is not a P-256 key (ATIS-1000080 §6.4.1).
    case unsupportedKey
    /// The leaf's certificate policy is not an accepted SHAKEN CP (ATIS-1000080 §6.4.1).
    case policyNotAccepted
    /// A delegate certificate's TNAuthList is not inside its issuer's (RFC 9060 §4).
    case scopeNotEncompassed
    /// Encompassing could not be proven and the policy is strict (ATIS-1000092 §6.2).
    case scopeUnprovable
    /// The TNAuthList is only given by reference, which is not resolved (RFC 8226 §10).
    case tnListByReference
    /// A certificate of the chain is on its CRL (RFC 5280 §6.3, ATIS-1000080 §6.3.3).
    case certificateRevoked
    /// No usable CRL gave a status for a certificate of the chain: never a pass.
    case revocationUnknown

    // MARK: 438 Invalid Identity Header
    /// The Identity header value does not parse (RFC 8224 §4.1).
    case malformedIdentityHeader
    /// The PASSporT is not a well-formed JWS with JSON header and payload (RFC 8225 §6).
    case malformedPASSporT
    /// The compact form, which SHAKEN forbids (RFC 8588 §6, ATIS-1000082 E4).
    case compactForm
    /// No `ppt=shaken` PASSporT, or an unsupported `ppt` (RFC 8225 §8.1, ATIS-1000082 E5/E13).
    case notShaken
    /// The Identity `ppt` parameter differs from the PASSporT header `ppt` (RFC 8224 §4.1).
    case pptMismatch
    /// The header has a `crit` parameter this verifier does not understand (RFC 7515 §4.1.11).
    case unknownCriticalHeader
    /// A JSON member name is repeated in the header or payload (RFC 8225 §9, RFC 7515 §5.2).
    case duplicateMember
    /// A base or SHAKEN claim is missing (RFC 8588 §4, ATIS-1000082 E14).
    case missingClaim
    /// A claim has the wrong type or value (RFC 8225 §5).
    case invalidClaim
    /// `attest` is not `A`, `B` or `C` (RFC 8588 §4, ATIS-1000082 E19).
    case invalidAttestation
    /// `orig` differs from the request's calling number (RFC 8224 §6.2 step 1, ATIS-1000082 E16).
    case origMismatch
    /// `dest` does not name the request's called number (RFC 8224 §6.2 step 2, ATIS-1000082 E16).
    case destMismatch
    /// The ES256 signature does not verify with the leaf key (RFC 8225 §6, ATIS-1000082 E18).
    case signatureInvalid
    /// `orig` is outside the signing certificate's TNAuthList (RFC 8226 §9, RFC 9060 §4).
    case origOutOfScope
    /// The PASSporT breaks the leaf's JWT claim constraints (RFC 8226 §8, RFC 9118 §3).
    case claimConstraintViolated

    /// The case name, e.g. `iatTooOld`.
    public var description: String { rawValue }
}
