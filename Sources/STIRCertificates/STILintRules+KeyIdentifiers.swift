import X509

extension STILintRules {
    /// Subject and authority key identifier rules (ATIS-1000080 v005 §6.4.1; RFC 9060 §4).
    public static let keyIdentifierRules: [any LintRule] = [
        presenceRule("e_sti_ski_present", .X509ExtensionID.subjectKeyIdentifier, "subjectKeyIdentifier", profiles: .all),
        STILintRule("e_sti_ski_160_bits", .error, source: atis80, profiles: .all) { context in
            guard let ski = context.subjectKeyIdentifier else { return .notApplicable }
            return ski.keyIdentifier.count == 20
                ? .pass : .fail("subjectKeyIdentifier has \(ski.keyIdentifier.count) octets, not 20 (SHA-1)")
        },
        presenceRule(
            "e_sti_aki_present",
            .X509ExtensionID.authorityKeyIdentifier,
            "authorityKeyIdentifier",
            profiles: .nonRoot
        ),
        STILintRule("e_sti_aki_matches_issuer_ski", .error, source: atis80, profiles: .nonRoot) { context in
            guard let aki = context.authorityKeyIdentifier, let issuer = context.issuer else { return .notApplicable }
            guard let issuerSKI = (try? issuer.extensions.subjectKeyIdentifier) ?? nil else {
                return .fail("the issuer has no subjectKeyIdentifier to match")
            }
            return aki.keyIdentifier == issuerSKI.keyIdentifier
                ? .pass : .fail("authorityKeyIdentifier does not equal the issuer's subjectKeyIdentifier")
        },
        STILintRule("e_sti_root_aki_matches_ski", .error, source: atis80, profiles: [.root]) { context in
            guard let aki = context.authorityKeyIdentifier else { return .notApplicable }
            return aki.keyIdentifier == context.subjectKeyIdentifier?.keyIdentifier
                ? .pass : .fail("root authorityKeyIdentifier keyIdentifier does not equal its own subjectKeyIdentifier")
        },
    ]
}
