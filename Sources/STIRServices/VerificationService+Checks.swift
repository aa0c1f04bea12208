import JOSE
import PASSporT
import STIRCertificates
import TNAuthList

extension VerificationService {
    /// `orig` must be the request's calling number, compared in canonical form (RFC 8224 §6.2
    /// step 1, §8.3; ATIS-1000082 E16). A request without a calling TN never matches.
    static func checkOrig(_ claims: PASSporTClaims, request: VerificationRequest) throws(Rejection) {
        guard let orig = request.orig else {
            throw Rejection(.origMismatch, "the request has no calling telephone number to bind orig to")
        }
        guard claims.orig.kind == .telephoneNumber, claims.orig.value == orig.digits else {
            throw Rejection(.origMismatch, "orig \(claims.orig.value) differs from the calling number \(orig.digits)")
        }
    }

    /// Every called number of the request must be in `dest.tn` (RFC 8224 §6.2 step 2; ATIS-1000082
    /// E16). When it is not, a verified `div` PASSporT with the same `orig`, whose `dest` holds the
    /// called numbers and whose `div` names one of this PASSporT's `dest` numbers, accounts for the
    /// retargeting (RFC 8946 §6); the returned note says so.
    static func checkDest(
        _ claims: PASSporTClaims, request: VerificationRequest, diversions: [VerifiedPASSporT]
    ) throws(Rejection) -> String? {
        let called = request.dest.map(\.digits)
        guard !called.isEmpty else {
            throw Rejection(.destMismatch, "the request has no called telephone number to bind dest to")
        }
        if allContained(called, in: claims.dest.telephoneNumbers) { return nil }
        for diversion in diversions
        where diversion.claims.orig == claims.orig
            && allContained(called, in: diversion.claims.dest.telephoneNumbers)
            && diversion.claims.div.map({ $0.kind == .telephoneNumber && claims.dest.telephoneNumbers.contains($0.value) }) == true
        {
            return "dest matched through a div PASSporT retargeting \(diversion.claims.div?.value ?? "") (RFC 8946)"
        }
        throw Rejection(
            .destMismatch,
            "called number(s) \(called.joined(separator: ",")) not in dest.tn [\(claims.dest.telephoneNumbers.joined(separator: ","))]"
        )
    }

    /// Whether every element of `needles` is in `haystack`: a plain scan for the usual one or two
    /// numbers, a set for larger lists.
    static func allContained(_ needles: [String], in haystack: [String]) -> Bool {
        if needles.count * haystack.count <= 64 { return needles.allSatisfy { haystack.contains($0) } }
        return Set(needles).isSubset(of: haystack)
    }

    /// When the leaf's TNAuthList lists numbers (a delegate certificate), `orig` must be one of
    /// them (RFC 8226 §9, RFC 9060 §4, ATIS-1000092 §6.2). A SHAKEN SP certificate lists only an
    /// SPC, which does not constrain `orig` (ATIS-1000080 §5.3.1): the returned note says so.
    static func checkScope(_ claims: PASSporTClaims, chain: ValidatedSTIChain) throws(Rejection) -> String? {
        guard chain.leafScope.hasNumbers else {
            return "orig scope not applicable: the signing certificate lists only service provider codes"
        }
        guard claims.orig.kind == .telephoneNumber, let number = try? TelephoneNumber(claims.orig.value),
            chain.leafScope.contains(number)
        else {
            throw Rejection(.origOutOfScope, "orig \(claims.orig.value) is outside the signing certificate's TNAuthList")
        }
        return nil
    }

    /// Enforces the leaf's JWTClaimConstraints (RFC 8226 §8) and EnhancedJWTClaimConstraints
    /// (RFC 9118 §3): required claims present, listed claims with permitted string values only,
    /// excluded claims absent.
    static func checkClaimConstraints(_ claims: PASSporTClaims, chain: ValidatedSTIChain) throws(Rejection) {
        let (jwt, enhanced) = chain.claimConstraints
        guard jwt != nil || enhanced != nil else { return }
        let values = claimValues(claims)
        let violations = (jwt?.evaluate(claims: values) ?? []) + (enhanced?.evaluate(claims: values) ?? [])
        guard violations.isEmpty else {
            throw Rejection(.claimConstraintViolated, violations.map(\.description).joined(separator: "; "))
        }
    }

    /// Every claim name of the payload with its value when that value is a JSON string.
    static func claimValues(_ claims: PASSporTClaims) -> [String: String?] {
        var values: [String: String?] = ["iat": nil, "orig": nil, "dest": nil]
        if let attest = claims.attest { values["attest"] = attest.rawValue }
        if let origid = claims.origid { values["origid"] = origid }
        if let crn = claims.crn { values["crn"] = crn }
        if claims.div != nil { values["div"] = .some(nil) }
        if claims.rcd != nil { values["rcd"] = .some(nil) }
        if claims.rcdi != nil { values["rcdi"] = .some(nil) }
        if claims.mky != nil { values["mky"] = .some(nil) }
        for member in claims.additionalClaims {
            values[member.name] = .some(member.value.stringValue)
        }
        return values
    }
}
