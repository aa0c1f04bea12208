import STIRServices
import Testing

@Suite("Failure table: SIP response, reason text and verstat")
struct VerificationFailureTableTests {
    /// The expected row for every cause, written out independently of the implementation.
    static let expected: [VerificationFailure: (Int, Verstat)] = [
        .iatTooOld: (403, .noValidation), .iatInFuture: (403, .noValidation),
        .identityMissing: (428, .noValidation),
        .infoMissing: (436, .noValidation), .x5uNotAllowed: (436, .noValidation), .headerParameterMissing: (436, .noValidation),
        .infoMismatch: (436, .noValidation), .chainFetchFailed: (436, .noValidation),
        .unsupportedType: (437, .noValidation), .unsupportedAlgorithm: (437, .noValidation), .embeddedKeyNotAllowed: (437, .noValidation),
        .chainUntrusted: (437, .failed), .certificateExpired: (437, .failed), .certificateNotYetValid: (437, .failed),
        .certificateProfileViolation: (437, .failed), .unsupportedKey: (437, .failed), .policyNotAccepted: (437, .failed),
        .scopeNotEncompassed: (437, .failed), .certificateRevoked: (437, .failed),
        .scopeUnprovable: (437, .noValidation), .tnListByReference: (437, .noValidation), .revocationUnknown: (437, .noValidation),
        .malformedIdentityHeader: (438, .noValidation), .malformedPASSporT: (438, .noValidation), .compactForm: (438, .noValidation),
        .notShaken: (438, .noValidation), .pptMismatch: (438, .noValidation), .unknownCriticalHeader: (438, .noValidation),
        .duplicateMember: (438, .noValidation), .missingClaim: (438, .noValidation), .invalidClaim: (438, .noValidation),
        .invalidAttestation: (438, .noValidation), .origMismatch: (438, .noValidation), .destMismatch: (438, .noValidation),
        .signatureInvalid: (438, .failed), .origOutOfScope: (438, .failed), .claimConstraintViolated: (438, .failed),
    ]

    static let reasonTexts = [
        403: "Stale Date", 428: "Use Identity Header", 436: "Bad Identity Info", 437: "Unsupported Credential", 438: "Invalid Identity Header",
    ]

    @Test("every cause has exactly the expected status code and verstat", arguments: VerificationFailure.allCases)
    func row(failure: VerificationFailure) throws {
        let (status, verstat) = try #require(Self.expected[failure])
        #expect(failure.sipStatusCode == status)
        #expect(failure.category.rawValue == status)
        #expect(failure.verstat == verstat)
        #expect(failure.reasonText == Self.reasonTexts[status])
    }

    @Test("the expected table lists every cause")
    func tableIsComplete() {
        #expect(Set(Self.expected.keys) == Set(VerificationFailure.allCases))
    }

    @Test("a failure never maps to TN-Validation-Passed", arguments: VerificationFailure.allCases)
    func neverPassed(failure: VerificationFailure) {
        #expect(failure.verstat != .passed)
    }

    @Test("Reason headers use the SIP (RFC 3326) and STIR (RFC 9410) protocol tokens")
    func reasonHeaders() {
        #expect(VerificationFailure.infoMismatch.reasonHeader(protocol: .sip) == #"Reason: SIP ;cause=436 ;text="Bad Identity Info""#)
        #expect(VerificationFailure.iatTooOld.reasonHeader(protocol: .stir) == #"Reason: STIR ;cause=403 ;text="Stale Date""#)
        #expect(VerificationFailure.signatureInvalid.reasonHeaderValue(protocol: .sip) == #"SIP ;cause=438 ;text="Invalid Identity Header""#)
    }

    @Test("verstat raw values are the 3GPP TS 24.229 tokens")
    func verstatTokens() {
        #expect(Verstat.allCases.map(\.rawValue) == ["TN-Validation-Passed", "TN-Validation-Failed", "No-TN-Validation"])
    }
}
