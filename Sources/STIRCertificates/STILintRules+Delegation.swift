import TNAuthList
import X509

extension STILintRules {
    /// RFC 9060 delegation rules: the parent is a TNAuthList-bearing CA and the child's scope is
    /// encompassed by the parent's.
    public static let delegationRules: [any LintRule] = [
        STILintRule("e_sti_delegate_issuer_scoped_ca", .error, source: rfc9060, profiles: .delegated) { context in
            guard let issuer = context.issuer else { return .notApplicable }
            let isCA: Bool
            if case .some(.isCertificateAuthority) = (try? issuer.extensions.basicConstraints) ?? nil {
                isCA = true
            } else {
                isCA = false
            }
            guard isCA, issuer.extensions[oid: .STIR.tnAuthList] != nil else {
                return .fail("the issuer of a delegate certificate must be a CA carrying a TNAuthList")
            }
            return .pass
        },
        STILintRule("e_sti_delegate_tnauthlist_encompassed", .error, source: rfc9060, profiles: .delegated) { context in
            guard let child = context.tnAuthList, let parent = context.issuerTNAuthList else { return .notApplicable }
            if case .notEncompassed(let uncovered) = TNScope(parent).encompasses(TNScope(child)) {
                return .fail("TNAuthList entries \(uncovered.map(\.description)) are outside the issuer's TNAuthList")
            }
            return .pass
        },
        STILintRule("w_sti_delegate_tnauthlist_scope_unproven", .warning, source: rfc9060, profiles: .delegated) {
            context in
            guard let child = context.tnAuthList, let parent = context.issuerTNAuthList else { return .notApplicable }
            if case .unprovable(let numbers, let codes) = TNScope(parent).encompasses(TNScope(child)) {
                let spcs = codes.map(\.value).sorted()
                return .fail(
                    "numbers \(numbers.map(\.description)) are not in the issuer's numbers; membership in SPCs \(spcs) "
                        + "cannot be proven from the certificates"
                )
            }
            return .pass
        },
    ]
}
