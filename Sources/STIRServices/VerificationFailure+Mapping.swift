import PASSporT
import STIRCertificates

/// The one place where lower-layer error codes become ``VerificationFailure`` causes
/// (RFC 8224 §6.2.2, ATIS-1000074 §5.3.2, ATIS-1000082 E4–E19).
extension VerificationFailure {
    /// PASSporT parsing and signature codes (RFC 8225, RFC 8588) → cause.
    static let passportTable: [(PASSporTError.Code, VerificationFailure)] = [
        (.malformedToken, .malformedPASSporT),
        (.compactFormNotAllowed, .compactForm),
        (.unsupportedAlgorithm, .unsupportedAlgorithm),  // E12 → 437
        (.unsupportedType, .unsupportedType),  // E11 → 437
        (.unsupportedPPT, .notShaken),  // E5/E13 → 438
        (.pptMismatch, .pptMismatch),
        (.forbiddenHeader, .embeddedKeyNotAllowed),
        (.unknownCritical, .unknownCriticalHeader),
        (.duplicateKey, .duplicateMember),
        (.missingHeaderParameter, .headerParameterMissing),  // E9 → 436
        (.invalidHeaderParameter, .headerParameterMissing),  // x5u not a string → 436
        (.missingClaim, .missingClaim),  // E14 → 438
        (.invalidClaim, .invalidClaim),
        (.invalidTelephoneNumber, .invalidClaim),
        (.signatureInvalid, .signatureInvalid),  // E18 → 438
        (.signingFailed, .malformedPASSporT),
        (.identityHeaderMalformed, .malformedIdentityHeader),
        (.infoMismatch, .infoMismatch),  // E10 → 436
    ]

    /// The cause for a ``PASSporTError``; an unlisted code is a malformed PASSporT (438).
    init(passportError error: PASSporTError) {
        self = Self.passportTable.first { $0.0 == error.code }?.1 ?? .malformedPASSporT
    }
}

extension VerificationFailure {
    /// Chain validation codes (RFC 5280 §6, RFC 9060 §4, ATIS-1000080 §6.4.1, ATIS-1000092 §6.2) → cause.
    static let chainTable: [(STIChainFailure.Code, VerificationFailure)] = [
        (.untrustedChain, .chainUntrusted),
        (.expired, .certificateExpired),
        (.notYetValid, .certificateNotYetValid),
        (.profileViolation, .certificateProfileViolation),
        (.malformedCertificate, .certificateProfileViolation),
        (.scopeNotEncompassed, .scopeNotEncompassed),
        (.scopeUnprovable, .scopeUnprovable),
        (.revoked, .certificateRevoked),
        (.revocationUnknown, .revocationUnknown),
        (.unsupportedKey, .unsupportedKey),
        (.policyNotAccepted, .policyNotAccepted),
        (.byReferenceUnsupported, .tnListByReference),
    ]

    /// The cause for one chain failure; an unlisted code is an untrusted chain.
    init(chainFailure failure: STIChainFailure) {
        self = Self.chainTable.first { $0.0 == failure.code }?.1 ?? .chainUntrusted
    }

    /// Picks the cause reported for a failed chain: the first failure that is evidence against
    /// the signer (verstat TN-Validation-Failed, e.g. revoked) wins over one that only prevents a
    /// verdict (e.g. revocation unknown); the reason lists every failure.
    static func select(chainFailures failures: [STIChainFailure]) -> (VerificationFailure, String) {
        let causes = failures.map(VerificationFailure.init(chainFailure:))
        let cause = causes.first { $0.verstat == .failed } ?? causes.first ?? .chainUntrusted
        let reason = failures.isEmpty ? "the chain did not validate" : failures.map(\.description).joined(separator: "; ")
        return (cause, reason)
    }
}
