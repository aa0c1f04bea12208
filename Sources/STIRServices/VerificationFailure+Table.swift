extension VerificationFailure {
    /// The five SIP responses a STIR verification failure can produce (RFC 8224 §6.2.2).
    public enum Category: Int, Hashable, Sendable, CaseIterable {
        /// 403 Stale Date (RFC 8224 §6.2.2).
        case staleDate = 403
        /// 428 Use Identity Header (RFC 8224 §6.2.2).
        case missingIdentity = 428
        /// 436 Bad Identity Info (RFC 8224 §6.2.2).
        case badIdentityInfo = 436
        /// 437 Unsupported Credential (RFC 8224 §6.2.2).
        case unsupportedCredential = 437
        /// 438 Invalid Identity Header (RFC 8224 §6.2.2).
        case invalidIdentityHeader = 438

        /// The SIP status code.
        public var sipStatusCode: Int { rawValue }

        /// The reason phrase of RFC 8224 §13.
        public var reasonText: String {
            switch self {
            case .staleDate: "Stale Date"
            case .missingIdentity: "Use Identity Header"
            case .badIdentityInfo: "Bad Identity Info"
            case .unsupportedCredential: "Unsupported Credential"
            case .invalidIdentityHeader: "Invalid Identity Header"
            }
        }
    }

    /// The protocol token of a `Reason` header carrying a STIR cause.
    public enum ReasonProtocol: String, Hashable, Sendable, CaseIterable {
        /// `SIP` (RFC 3326), as in ATIS-1000074 §5.3.2.
        case sip = "SIP"
        /// `STIR` (RFC 9410 §3).
        case stir = "STIR"
    }

    /// The single table from cause to SIP response and verstat (RFC 8224 §6.2.2,
    /// ATIS-1000074 §5.3.2, ATIS-1000082 E3–E19).
    ///
    /// verstat: a failed signature, a chain that does not validate or is revoked, a number outside
    /// the certificate's scope and a broken claim constraint are evidence against the caller →
    /// ``Verstat/failed``. Everything else (parsing, freshness, fetching, unknown revocation status,
    /// unprovable scope) means validation could not be done → ``Verstat/noValidation``.
    var entry: (category: Category, verstat: Verstat) {
        switch self {
        case .iatTooOld, .iatInFuture:
            (.staleDate, .noValidation)
        case .identityMissing:
            (.missingIdentity, .noValidation)
        case .infoMissing, .x5uNotAllowed, .headerParameterMissing, .infoMismatch, .chainFetchFailed:
            (.badIdentityInfo, .noValidation)
        case .unsupportedType, .unsupportedAlgorithm, .embeddedKeyNotAllowed:
            (.unsupportedCredential, .noValidation)
        case .chainUntrusted, .certificateExpired, .certificateNotYetValid, .certificateProfileViolation,
            .unsupportedKey, .policyNotAccepted, .scopeNotEncompassed, .certificateRevoked:
            (.unsupportedCredential, .failed)
        case .scopeUnprovable, .tnListByReference, .revocationUnknown:
            (.unsupportedCredential, .noValidation)
        case .malformedIdentityHeader, .malformedPASSporT, .compactForm, .notShaken, .pptMismatch,
            .unknownCriticalHeader, .duplicateMember, .missingClaim, .invalidClaim, .invalidAttestation,
            .origMismatch, .destMismatch:
            (.invalidIdentityHeader, .noValidation)
        case .signatureInvalid, .origOutOfScope, .claimConstraintViolated:
            (.invalidIdentityHeader, .failed)
        }
    }

    /// The SIP response class (RFC 8224 §6.2.2).
    public var category: Category { entry.category }

    /// The SIP status code: 403, 428, 436, 437 or 438.
    public var sipStatusCode: Int { entry.category.sipStatusCode }

    /// The reason phrase, e.g. "Bad Identity Info".
    public var reasonText: String { entry.category.reasonText }

    /// The verstat a terminating network reports for this failure (ATIS-1000074 §5.3.2).
    public var verstat: Verstat { entry.verstat }

    /// The `Reason` header value, e.g. `SIP ;cause=436 ;text="Bad Identity Info"` (RFC 3326 §2,
    /// RFC 9410 §3 for `STIR`).
    public func reasonHeaderValue(protocol reasonProtocol: ReasonProtocol) -> String {
        "\(reasonProtocol.rawValue) ;cause=\(sipStatusCode) ;text=\"\(reasonText)\""
    }

    /// The whole `Reason` header line, e.g. `Reason: SIP ;cause=436 ;text="Bad Identity Info"`.
    public func reasonHeader(protocol reasonProtocol: ReasonProtocol) -> String {
        "Reason: " + reasonHeaderValue(protocol: reasonProtocol)
    }
}
