/// One result of a failed lint rule (ATIS-1000080 v005 §6.4.1 profile checks, modelled on zlint).
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Level: Int, Hashable, Sendable, Comparable, CustomStringConvertible {
        /// Informational: allowed, but worth knowing.
        case notice = 0
        /// A "should" of the profile, or a check that could not be completed.
        case warning = 1
        /// A "shall" of the profile; issuance refuses certificates with errors.
        case error = 2

        /// Orders by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool {
            lhs.rawValue < rhs.rawValue
        }

        /// `notice`, `warning` or `error`.
        public var description: String {
            switch self {
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// The stable rule identifier, e.g. `e_sti_ee_tnauthlist_one_spc`.
    public let rule: String
    /// The rule's severity.
    public let level: Level
    /// What is wrong with this certificate.
    public let message: String
    /// The requirement's source, e.g. `ATIS-1000080 v005 §6.4.1`.
    public let source: String

    /// Creates a finding.
    public init(rule: String, level: Level, message: String, source: String) {
        self.rule = rule
        self.level = level
        self.message = message
        self.source = source
    }

    /// `[error] e_rule: message (source)`.
    public var description: String {
        "[\(self.level)] \(self.rule): \(self.message) (\(self.source))"
    }
}
