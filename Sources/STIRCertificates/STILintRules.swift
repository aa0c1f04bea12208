/// The registry of STI certificate lint rules (ATIS-1000080 v005 §6.4.1, ATIS-1000092, RFC 9060 §4).
///
/// Rule identifiers are stable: `e_` rules are errors, `w_` warnings, `n_` notices.
public enum STILintRules {
    /// Every rule, in the order findings are reported.
    public static let all: [any LintRule] =
        basics + names + basicConstraintsRules + keyUsageRules + keyIdentifierRules + policyRules
        + distributionPointRules + tnAuthListRules + delegationRules + extensionRules

    /// Source tag of the SHAKEN certificate profile.
    static let atis80 = "ATIS-1000080 v005 §6.4.1"
    /// Source tag of the SHAKEN extension list.
    static let atis80Extensions = "ATIS-1000080 v005 §6.4.1.1"
    /// Source tag of the delegate certificate profile (reconstructed; the text is not available).
    static let atis92 = "ATIS-1000092 §5.3.6"
    /// Source tag of RFC 9060 delegation.
    static let rfc9060 = "RFC 9060 §4"
    /// Source tag of RFC 5280.
    static let rfc5280 = "RFC 5280 §4.1"
}
