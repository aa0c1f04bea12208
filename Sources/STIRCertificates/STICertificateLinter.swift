import X509

/// Checks a certificate against the STI certificate profiles (ATIS-1000080 v005 §6.4.1, ATIS-1000092,
/// RFC 9060 §4), one ``LintRule`` per requirement.
///
/// Issuance runs it before signing (``STICertificateBuilder``); relying parties may run it as a
/// diagnostic. A critical TNAuthList is an error here even though verifiers tolerate it.
public struct STICertificateLinter: Sendable {
    /// The rules applied, in order.
    public var rules: [any LintRule]
    /// The accepted SHAKEN certificate policies.
    public var policy: SHAKENPolicy

    /// Creates a linter.
    ///
    /// - Parameters:
    ///   - rules: The rules to run; defaults to the full registry ``STILintRules/all``.
    ///   - policy: The accepted SHAKEN certificate policies; defaults to every known CP version.
    public init(rules: [any LintRule] = STILintRules.all, policy: SHAKENPolicy = SHAKENPolicy()) {
        self.rules = rules
        self.policy = policy
    }

    /// Lints a certificate.
    ///
    /// - Parameters:
    ///   - cert: The certificate to check.
    ///   - issuer: Its issuer's certificate when known (enables AKI, issuer-name and scope rules).
    ///   - profile: The profile to check against; `nil` classifies with ``STICertificateProfile/classify(_:issuer:)``.
    /// - Returns: One finding per failed rule, in registry order; empty when the certificate is clean.
    public func lint(
        _ cert: Certificate,
        issuer: Certificate?,
        profile: STICertificateProfile? = nil
    ) -> [LintFinding] {
        let profile = profile ?? STICertificateProfile.classify(cert, issuer: issuer)
        let context = LintContext(certificate: cert, issuer: issuer, profile: profile, policy: self.policy)
        return self.rules.compactMap { rule in
            guard rule.appliesTo(profile), case .fail(let message) = rule.check(context) else { return nil }
            return LintFinding(rule: rule.id, level: rule.level, message: message, source: rule.source)
        }
    }
}
