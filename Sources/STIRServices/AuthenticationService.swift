import Crypto
import Foundation
import PASSporT
import TNAuthList

/// A STIR/SHAKEN authentication service, STI-AS (RFC 8224 §5, RFC 8588, ATIS-1000074 §5.2).
///
/// Signs SHAKEN, `div` (RFC 8946) and `rcd` (RFC 9795) PASSporTs with the private key of the
/// certificate published at ``x5u`` and returns the SIP Identity header field value. RFC 8224
/// §4.1: it refuses to sign when the time it is asked to sign for (`iat`, i.e. the request's
/// Date) is further than ``freshness`` from its clock. The clock is injected; the service never
/// reads the system time.
public struct AuthenticationService: Sendable {
    private let signer: PASSporTSigner
    /// The HTTPS URL of the signing certificate chain, placed in `x5u` and `info`.
    public let x5u: String
    /// The accepted distance between the signing time and the clock, in seconds (RFC 8224 §4.1: 60).
    public let freshness: TimeInterval
    private let clock: @Sendable () -> Date

    /// Creates an authentication service.
    ///
    /// - Parameters:
    ///   - privateKey: the key of the certificate at `x5u`.
    ///   - x5u: the certificate repository URL; it must satisfy `x5uPolicy`.
    ///   - freshness: the signing-time tolerance in seconds, 60 by default.
    ///   - x5uPolicy: the rules `x5u` is checked against (ATIS-1000080 §6.3.1).
    ///   - clock: the current time.
    /// - Throws: ``STIRServicesError`` `x5uNotAllowed`.
    public init(
        privateKey: P256.Signing.PrivateKey,
        x5u: String,
        freshness: TimeInterval = 60,
        x5uPolicy: X5UPolicy = X5UPolicy(),
        clock: @escaping @Sendable () -> Date
    ) throws(STIRServicesError) {
        try x5uPolicy.validate(x5u)
        signer = PASSporTSigner(privateKey: privateKey)
        self.x5u = x5u
        self.freshness = max(0, freshness)
        self.clock = clock
    }

    /// Signs a SHAKEN PASSporT (RFC 8588 §3–§4) and returns its Identity header value,
    /// `<jws>;info=<x5u>;alg=ES256;ppt=shaken`.
    ///
    /// - Parameters:
    ///   - orig: the canonical calling number.
    ///   - dest: the canonical called numbers (at least one).
    ///   - attest: the attestation level.
    ///   - origid: the origination identifier (a UUID chosen by the caller).
    ///   - iat: the signing time (the request's Date).
    /// - Throws: ``STIRServicesError`` `staleSigningTime`, `invalidSigningInput` or `signingFailed`.
    public func sign(
        orig: TelephoneNumber, dest: [TelephoneNumber], attest: Attestation, origid: String, iat: Date
    ) throws(STIRServicesError) -> String {
        let seconds = try issueTime(iat)
        try requireDestination(dest)
        return try sign { () throws(PASSporTError) -> PASSporT in
            try PASSporT.shaken(x5u: x5u, attest: attest, origid: origid, orig: orig.digits, dest: dest.map(\.digits), iat: seconds)
        }
    }

    /// Signs a diversion PASSporT (RFC 8946 §3): `dest` is the new target, `divertedFrom` the
    /// original called number.
    ///
    /// - Throws: as ``sign(orig:dest:attest:origid:iat:)``.
    public func signDiversion(
        orig: TelephoneNumber, dest: [TelephoneNumber], divertedFrom: TelephoneNumber, iat: Date
    ) throws(STIRServicesError) -> String {
        let seconds = try issueTime(iat)
        try requireDestination(dest)
        return try sign { () throws(PASSporTError) -> PASSporT in
            try PASSporT.div(
                x5u: x5u,
                orig: .telephoneNumber(orig.digits),
                dest: DestinationIdentities(telephoneNumbers: dest.map(\.digits)),
                div: .telephoneNumber(divertedFrom.digits),
                iat: seconds
            )
        }
    }

    /// Signs a Rich Call Data PASSporT, `ppt=rcd` (RFC 9795), e.g. for a delegate-certificate holder.
    ///
    /// - Throws: as ``sign(orig:dest:attest:origid:iat:)``.
    public func signRichCallData(
        orig: TelephoneNumber, dest: [TelephoneNumber], rcd: RichCallData, crn: String? = nil, iat: Date
    ) throws(STIRServicesError) -> String {
        let seconds = try issueTime(iat)
        try requireDestination(dest)
        return try sign { () throws(PASSporTError) -> PASSporT in
            try PASSporT.rcd(
                x5u: x5u,
                orig: .telephoneNumber(orig.digits),
                dest: DestinationIdentities(telephoneNumbers: dest.map(\.digits)),
                iat: seconds,
                rcd: rcd,
                crn: crn
            )
        }
    }

    /// Signs a base PASSporT without `ppt` (RFC 8225), as a delegate-certificate holder may send
    /// to its originating provider (ATIS-1000092 §6.2).
    ///
    /// - Throws: as ``sign(orig:dest:attest:origid:iat:)``.
    public func signBase(orig: TelephoneNumber, dest: [TelephoneNumber], iat: Date) throws(STIRServicesError) -> String {
        let seconds = try issueTime(iat)
        try requireDestination(dest)
        return try sign { () throws(PASSporTError) -> PASSporT in
            try PASSporT.base(
                x5u: x5u,
                orig: .telephoneNumber(orig.digits),
                dest: DestinationIdentities(telephoneNumbers: dest.map(\.digits)),
                iat: seconds
            )
        }
    }

    /// RFC 8224 §4.1: the signing time must be within the freshness window of the clock.
    private func issueTime(_ iat: Date) throws(STIRServicesError) -> Int64 {
        let now = clock()
        let distance = abs(iat.timeIntervalSince(now))
        guard distance <= freshness else {
            throw STIRServicesError(
                .staleSigningTime,
                "signing time \(iat) is \(Int64(distance)) s from now \(now); the freshness window is \(Int64(freshness)) s (RFC 8224 §4.1)"
            )
        }
        let seconds = iat.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds < 1e15 else {
            throw STIRServicesError(.invalidSigningInput, "signing time \(iat) is not a valid NumericDate")
        }
        return Int64(seconds)
    }

    private func requireDestination(_ dest: [TelephoneNumber]) throws(STIRServicesError) {
        guard !dest.isEmpty else { throw STIRServicesError(.invalidSigningInput, "dest needs at least one number (RFC 8225 §5.2.1)") }
    }

    private func sign(_ build: () throws(PASSporTError) -> PASSporT) throws(STIRServicesError) -> String {
        let passport: PASSporT
        do {
            passport = try build()
        } catch {
            throw STIRServicesError(.invalidSigningInput, error.reason)
        }
        do {
            return try signer.sign(passport).identityHeader.formatted
        } catch {
            throw STIRServicesError(.signingFailed, error.reason)
        }
    }
}
