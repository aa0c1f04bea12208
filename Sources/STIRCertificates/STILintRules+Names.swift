import SwiftASN1
import X509

extension STILintRules {
    /// Subject and issuer name rules (ATIS-1000080 v005 §6.4.1).
    public static let names: [any LintRule] = [
        subjectAttributeRule("e_sti_subject_cn_present", .RDNAttributeType.commonName, "commonName"),
        subjectAttributeRule("e_sti_subject_o_present", .RDNAttributeType.organizationName, "organizationName"),
        subjectAttributeRule("e_sti_subject_c_present", .RDNAttributeType.countryName, "countryName"),
        STILintRule("e_sti_subject_c_alpha2", .error, source: atis80, profiles: .all) { context in
            for country in context.subjectValues(.RDNAttributeType.countryName) {
                let isAlpha2 = country.utf8.count == 2 && country.utf8.allSatisfy { (0x41...0x5A).contains($0) }
                if !isAlpha2 { return .fail("countryName '\(country)' is not an ISO 3166-1 alpha-2 code") }
            }
            return .pass
        },
        STILintRule("e_sti_root_cn_shaken_root", .error, source: atis80, profiles: [.root]) { context in
            let names = context.subjectValues(.RDNAttributeType.commonName)
            guard !names.isEmpty else { return .notApplicable }
            let ok = names.contains { $0.uppercased().contains("SHAKEN") && $0.uppercased().contains("ROOT") }
            return ok ? .pass : .fail("root commonName \(names) does not contain both SHAKEN and ROOT")
        },
        STILintRule("e_sti_intermediate_cn_shaken", .error, source: atis80, profiles: [.intermediate]) { context in
            let names = context.subjectValues(.RDNAttributeType.commonName)
            guard !names.isEmpty else { return .notApplicable }
            return names.contains { $0.uppercased().contains("SHAKEN") }
                ? .pass : .fail("intermediate commonName \(names) does not contain SHAKEN")
        },
        STILintRule("e_sti_ee_cn_shaken_spc", .error, source: atis80, profiles: [.endEntity]) { context in
            let names = context.subjectValues(.RDNAttributeType.commonName)
            guard !names.isEmpty, let spc = context.tnAuthList?.serviceProviderCodes.first else {
                return .notApplicable
            }
            let expected = "SHAKEN \(spc.value)"
            return names == [expected] ? .pass : .fail("commonName \(names) is not '\(expected)'")
        },
        STILintRule("e_sti_root_self_issued", .error, source: atis80, profiles: [.root]) { context in
            context.certificate.issuer == context.certificate.subject
                ? .pass : .fail("root issuer \(context.certificate.issuer) differs from its subject")
        },
        STILintRule("e_sti_issuer_matches_issuer_subject", .error, source: atis80, profiles: .nonRoot) { context in
            guard let issuer = context.issuer else { return .notApplicable }
            return context.certificate.issuer == issuer.subject
                ? .pass : .fail("issuer \(context.certificate.issuer) differs from the issuer's subject \(issuer.subject)")
        },
    ]

    private static func subjectAttributeRule(
        _ id: String,
        _ oid: ASN1ObjectIdentifier,
        _ name: String
    ) -> STILintRule {
        STILintRule(id, .error, source: atis80, profiles: .all) { context in
            context.subjectValues(oid).isEmpty ? .fail("subject has no \(name)") : .pass
        }
    }
}
