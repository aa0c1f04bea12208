/// The outcome of one lint rule on one certificate.
public enum LintCheckResult: Hashable, Sendable {
    /// The certificate meets the requirement.
    case pass
    /// The certificate breaks the requirement; the string says how.
    case fail(String)
    /// The requirement cannot be judged here (e.g. the issuer is unknown or the extension is absent).
    case notApplicable
}

/// One requirement of an STI certificate profile as a value (one rule per requirement, zlint style).
public protocol LintRule: Sendable {
    /// The stable identifier: `e_`/`w_`/`n_` + `sti_` + what is checked.
    var id: String { get }
    /// The severity of a failure.
    var level: LintFinding.Level { get }
    /// The requirement's source, e.g. `ATIS-1000080 v005 §6.4.1`.
    var source: String { get }
    /// Whether the rule applies to certificates of `profile`.
    func appliesTo(_ profile: STICertificateProfile) -> Bool
    /// Checks the certificate in `context`.
    func check(_ context: LintContext) -> LintCheckResult
}

/// A lint rule defined by a closure; the registry ``STILintRules`` is built from these.
public struct STILintRule: LintRule {
    /// The stable identifier.
    public let id: String
    /// The severity of a failure.
    public let level: LintFinding.Level
    /// The requirement's source.
    public let source: String
    /// The profiles the rule applies to.
    public let profiles: Set<STICertificateProfile>
    private let body: @Sendable (LintContext) -> LintCheckResult

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - id: The stable identifier.
    ///   - level: The severity of a failure.
    ///   - source: The requirement's source.
    ///   - profiles: The profiles the rule applies to.
    ///   - body: The check.
    public init(
        _ id: String,
        _ level: LintFinding.Level,
        source: String,
        profiles: Set<STICertificateProfile>,
        body: @escaping @Sendable (LintContext) -> LintCheckResult
    ) {
        self.id = id
        self.level = level
        self.source = source
        self.profiles = profiles
        self.body = body
    }

    /// Whether `profile` is in ``profiles``.
    public func appliesTo(_ profile: STICertificateProfile) -> Bool {
        self.profiles.contains(profile)
    }

    /// Runs the check.
    public func check(_ context: LintContext) -> LintCheckResult {
        self.body(context)
    }
}

extension Set where Element == STICertificateProfile {
    /// Every profile.
    static let all = Set(STICertificateProfile.allCases)
    /// Every profile except the root.
    static let nonRoot = Set(STICertificateProfile.allCases).subtracting([.root])
    /// The STI-CA's own certificates.
    static let stiCA: Set<STICertificateProfile> = [.root, .intermediate]
    /// Certificates that carry a TNAuthList.
    static let withTNAuthList: Set<STICertificateProfile> = [.endEntity, .subordinateCA, .delegateEndEntity, .delegateCA]
    /// Certificates issued by a TNAuthList-bearing CA.
    static let delegated: Set<STICertificateProfile> = [.delegateEndEntity, .delegateCA]
    /// CA certificates that hold a TNAuthList.
    static let scopedCA: Set<STICertificateProfile> = [.subordinateCA, .delegateCA]
    /// End-entity certificates.
    static let endEntities: Set<STICertificateProfile> = [.endEntity, .delegateEndEntity]
    /// CA certificates.
    static let authorities: Set<STICertificateProfile> = [.root, .intermediate, .subordinateCA, .delegateCA]
}
