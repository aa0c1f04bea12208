import TNAuthList
import X509

extension STILintRules {
    /// TNAuthList rules (RFC 8226 §9, ATIS-1000080 v005 §6.4.1, ATIS-1000092 §5.3.6).
    public static let tnAuthListRules: [any LintRule] = [
        decodesRule("e_sti_tnauthlist_decodes", .STIR.tnAuthList, "TNAuthList", source: "RFC 8226 §9") {
            _ = try TNAuthorizationList($0)
        },
        absenceRule("e_sti_ca_tnauthlist_absent", .STIR.tnAuthList, "TNAuthList", profiles: .stiCA),
        presenceRule("e_sti_tnauthlist_present", .STIR.tnAuthList, "TNAuthList", profiles: .withTNAuthList),
        criticalRule("e_sti_tnauthlist_not_critical", .STIR.tnAuthList, "TNAuthList", critical: false),
        STILintRule("e_sti_ee_tnauthlist_one_spc", .error, source: atis80, profiles: [.endEntity]) { context in
            guard let list = context.tnAuthList else { return .notApplicable }
            let count = list.serviceProviderCodes.count
            return count == 1 ? .pass : .fail("TNAuthList holds \(count) SPCs, not exactly one")
        },
        STILintRule("e_sti_ee_tnauthlist_no_numbers", .error, source: atis80, profiles: [.endEntity]) { context in
            guard let list = context.tnAuthList else { return .notApplicable }
            return list.telephoneNumbers.isEmpty && list.ranges.isEmpty
                ? .pass : .fail("a SHAKEN end-entity TNAuthList must not list TNs or ranges")
        },
        STILintRule("e_sti_tnauthlist_spc_format", .error, source: atis80, profiles: .all) { context in
            guard let list = context.tnAuthList else { return .notApplicable }
            let bad = list.serviceProviderCodes.filter { !$0.isSHAKENFormat }.map(\.value)
            return bad.isEmpty ? .pass : .fail("SPCs \(bad) are not uppercase letters and digits")
        },
        STILintRule("e_sti_delegate_tnauthlist_numbers", .error, source: atis92, profiles: .delegated) { context in
            guard let list = context.tnAuthList else { return .notApplicable }
            return list.telephoneNumbers.isEmpty && list.ranges.isEmpty
                ? .fail("a delegate certificate's TNAuthList must list TNs or ranges") : .pass
        },
    ]
}
