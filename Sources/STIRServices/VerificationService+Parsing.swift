import JOSE
import PASSporT
import STIRCertificates

/// A verification step's refusal: the cause, an explanation, and the chain if it was validated.
struct Rejection: Error {
    let failure: VerificationFailure
    let reason: String
    var chain: ValidatedSTIChain?

    init(_ failure: VerificationFailure, _ reason: String) {
        self.failure = failure
        self.reason = reason
        chain = nil
    }
}

/// The structurally checked PASSporT of one parsed Identity header (the header itself is not kept:
/// nothing after parsing reads it, and each copy of it would cost reference counting).
struct IdentityCandidate: Sendable {
    let passport: UnverifiedPASSporT
}

extension VerificationService {
    /// Parses one Identity header value and its PASSporT (RFC 8224 §4.1, RFC 8225 §6,
    /// ATIS-1000082 E4–E14), mapping each error to its cause.
    static func parseCandidate(_ value: String) -> Result<IdentityCandidate, Rejection> {
        let header: IdentityHeader
        do {
            header = try IdentityHeader(parsing: value)
        } catch {
            // The parser reports a missing `info` as a syntax error; a missing `info` is 436 (E6), so
            // tell the two apart by checking whether the value parses once an `info` is supplied.
            if error.code == .identityHeaderMalformed, (try? IdentityHeader(parsing: value + ";info=<https://info.invalid/>")) != nil {
                return .failure(Rejection(.infoMissing, "the Identity header has no info parameter (RFC 8224 §4.1)"))
            }
            return .failure(Rejection(VerificationFailure(passportError: error), error.reason))
        }
        do {
            return .success(IdentityCandidate(passport: try header.unverifiedPASSporT()))
        } catch {
            var failure = VerificationFailure(passportError: error)
            if failure == .invalidClaim, hasInvalidAttestation(token: header.token) {
                failure = .invalidAttestation
            }
            return .failure(Rejection(failure, error.reason))
        }
    }

    /// Whether the payload's `attest` member is present but not `A`, `B` or `C` (ATIS-1000082 E19).
    /// Only called after the PASSporT parser rejected a claim, to name the cause precisely.
    static func hasInvalidAttestation(token: String) -> Bool {
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3,
            let payload = try? Base64URL.decode(bytes: parts[1]),
            let object = (try? StrictJSONParser(maximumBytes: 8_192, maximumDepth: 8).parse(payload))?.objectValue,
            let attest = object["attest"]
        else { return false }
        return attest.stringValue.flatMap(Attestation.init(rawValue:)) == nil
    }
}
