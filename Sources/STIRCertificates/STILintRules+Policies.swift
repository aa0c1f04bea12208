import X509

extension STILintRules {
    /// certificatePolicies rules (ATIS-1000080 v005 §6.4.1).
    public static let policyRules: [any LintRule] = [
        decodesRule("e_sti_cp_decodes", .STIR.certificatePolicies, "certificatePolicies", source: "RFC 5280 §4.2.1.4") {
            _ = try CertificatePolicies($0)
        },
        absenceRule("e_sti_root_cp_absent", .STIR.certificatePolicies, "certificatePolicies", profiles: [.root]),
        presenceRule("e_sti_cp_present", .STIR.certificatePolicies, "certificatePolicies", profiles: .nonRoot),
        criticalRule(
            "e_sti_cp_not_critical",
            .STIR.certificatePolicies,
            "certificatePolicies",
            critical: false,
            profiles: .nonRoot
        ),
        STILintRule("e_sti_cp_exactly_one", .error, source: atis80, profiles: .nonRoot) { context in
            guard let policies = context.certificatePolicies else { return .notApplicable }
            return policies.policies.count == 1
                ? .pass : .fail("certificatePolicies holds \(policies.policies.count) policies, not exactly one")
        },
        STILintRule("e_sti_cp_shaken_oid", .error, source: atis80, profiles: .nonRoot) { context in
            guard let policies = context.certificatePolicies else { return .notApplicable }
            let unknown = policies.policyIdentifiers.filter { !context.policy.accepts($0) }
            return unknown.isEmpty ? .pass : .fail("policies \(unknown) are not an accepted SHAKEN CP OID")
        },
    ]

    /// CRL distribution point rules (ATIS-1000080 v005 §6.4.1; delegate CRLs per this package's ATIS-1000092 choice).
    public static let distributionPointRules: [any LintRule] = [
        decodesRule(
            "e_sti_crldp_decodes",
            .STIR.crlDistributionPoints,
            "cRLDistributionPoints",
            source: "RFC 5280 §4.2.1.13"
        ) { _ = try CRLDistributionPoints($0) },
        absenceRule("e_sti_root_crldp_absent", .STIR.crlDistributionPoints, "cRLDistributionPoints", profiles: [.root]),
        presenceRule("e_sti_crldp_present", .STIR.crlDistributionPoints, "cRLDistributionPoints", profiles: .nonRoot),
        STILintRule("e_sti_crldp_exactly_one", .error, source: atis80, profiles: .nonRoot) { context in
            guard let points = context.crlDistributionPoints else { return .notApplicable }
            return points.points.count == 1
                ? .pass : .fail("cRLDistributionPoints holds \(points.points.count) points, not exactly one")
        },
        STILintRule("e_sti_crldp_http_url", .error, source: atis80, profiles: .nonRoot) { context in
            guard let point = context.crlDistributionPoints?.points.first else { return .notApplicable }
            let ok = point.uris.contains { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") }
            return ok ? .pass : .fail("the distribution point has no HTTP(S) fullName URI")
        },
        STILintRule("e_sti_crldp_crl_issuer", .error, source: atis80, profiles: [.intermediate, .endEntity, .subordinateCA]) {
            context in
            guard let point = context.crlDistributionPoints?.points.first else { return .notApplicable }
            return point.crlIssuerNames.isEmpty
                ? .fail("the distribution point must name the STI-PA CRL issuer in cRLIssuer") : .pass
        },
        STILintRule("w_sti_delegate_crldp_direct", .warning, source: atis92, profiles: .delegated) { context in
            guard let point = context.crlDistributionPoints?.points.first else { return .notApplicable }
            return point.crlIssuer == nil
                ? .pass : .fail("a delegate certificate should point at its issuing CA's own CRL (no cRLIssuer)")
        },
    ]
}
