import PASSporT
import STIRCertificates

/// The result of verifying one SIP request's Identity headers (RFC 8224 §6.2, ATIS-1000074 §5.3).
///
/// ``verstat`` and ``failure`` describe the main PASSporT (the `ppt=shaken` one for
/// ``VerificationService/verify(_:)``); PASSporTs of other types in the same request are verified
/// too and reported in ``related`` without changing the main verdict.
public struct VerificationOutcome: Sendable {
    /// The verification status to report (3GPP TS 24.229 §7.2A.20).
    public var verstat: Verstat
    /// The cause when the PASSporT did not pass; `nil` exactly when ``verstat`` is ``Verstat/passed``.
    public var failure: VerificationFailure?
    /// A human-readable explanation of ``failure`` (ATIS-1000082 `reasondesc`).
    public var failureReason: String?
    /// The PASSporT, set once its signature verified.
    public var passport: VerifiedPASSporT?
    /// The validated signer chain, set once chain validation succeeded.
    public var chain: ValidatedSTIChain?
    /// The signed attestation level of a verified SHAKEN PASSporT (RFC 8588 §4).
    public var attestation: Attestation?
    /// Observations that did not fail the call, e.g. an unprovable delegation scope in lenient
    /// mode or a call retargeted through a `div` PASSporT.
    public var notes: [String]
    /// Outcomes of the other PASSporTs of the request (`div`, `rcd`, RFC 8946, RFC 9795).
    public var related: [VerificationOutcome]

    /// A passing outcome.
    init(passport: VerifiedPASSporT, chain: ValidatedSTIChain, notes: [String]) {
        verstat = .passed
        failure = nil
        failureReason = nil
        self.passport = passport
        self.chain = chain
        attestation = passport.claims.attest
        self.notes = notes
        related = []
    }

    /// A failing outcome; verstat comes from the failure table.
    init(failure: VerificationFailure, reason: String, chain: ValidatedSTIChain? = nil, notes: [String] = []) {
        verstat = failure.verstat
        self.failure = failure
        failureReason = reason
        passport = nil
        self.chain = chain
        attestation = nil
        self.notes = notes
        related = []
    }

    /// The `Reason` header for a failure (RFC 3326, RFC 9410 §3), `nil` when passed.
    public func reasonHeader(protocol reasonProtocol: VerificationFailure.ReasonProtocol = .sip) -> String? {
        failure?.reasonHeader(protocol: reasonProtocol)
    }
}
