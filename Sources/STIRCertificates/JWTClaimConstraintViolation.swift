/// One way a set of JWT claims breaks a (enhanced) JWT claim constraints extension
/// (RFC 8226 §8, RFC 9118 §3).
public struct JWTClaimConstraintViolation: Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule was broken.
    public enum Kind: Hashable, Sendable {
        /// A claim in `mustInclude` is absent.
        case missingRequiredClaim
        /// A claim listed in `permittedValues` is present with a value not in the list
        /// (or with a value that is not a string).
        case valueNotPermitted
        /// A claim in `mustExclude` is present (RFC 9118 only).
        case excludedClaimPresent
    }

    /// The kind of violation.
    public let kind: Kind
    /// The claim name concerned.
    public let claim: String
    /// The offending value for ``Kind/valueNotPermitted`` when it is a string.
    public let value: String?

    /// Creates a violation record.
    public init(kind: Kind, claim: String, value: String? = nil) {
        self.kind = kind
        self.claim = claim
        self.value = value
    }

    /// A one-line explanation.
    public var description: String {
        switch self.kind {
        case .missingRequiredClaim: "claim '\(self.claim)' is required but absent"
        case .valueNotPermitted: "claim '\(self.claim)' has value \(self.value.map { "'\($0)'" } ?? "(non-string)") which is not permitted"
        case .excludedClaimPresent: "claim '\(self.claim)' is excluded but present"
        }
    }
}

/// Shared evaluation of the three constraint kinds.
enum JWTClaimConstraintEvaluation {
    static func evaluate(
        mustInclude: [String],
        permittedValues: [JWTClaimPermittedValues],
        mustExclude: [String],
        claimNames: Set<String>,
        stringValue: (String) -> String?
    ) -> [JWTClaimConstraintViolation] {
        var violations: [JWTClaimConstraintViolation] = []
        for name in mustInclude where !claimNames.contains(name) {
            violations.append(JWTClaimConstraintViolation(kind: .missingRequiredClaim, claim: name))
        }
        for entry in permittedValues where claimNames.contains(entry.claim) {
            let value = stringValue(entry.claim)
            if let value, entry.values.contains(value) { continue }
            violations.append(JWTClaimConstraintViolation(kind: .valueNotPermitted, claim: entry.claim, value: value))
        }
        for name in mustExclude where claimNames.contains(name) {
            violations.append(JWTClaimConstraintViolation(kind: .excludedClaimPresent, claim: name))
        }
        return violations
    }

    static func evaluate(
        mustInclude: [String],
        permittedValues: [JWTClaimPermittedValues],
        mustExclude: [String],
        claims: [String: String?]
    ) -> [JWTClaimConstraintViolation] {
        self.evaluate(
            mustInclude: mustInclude,
            permittedValues: permittedValues,
            mustExclude: mustExclude,
            claimNames: Set(claims.keys),
            stringValue: { claims[$0] ?? nil }
        )
    }
}
