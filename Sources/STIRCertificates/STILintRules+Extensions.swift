import SwiftASN1
import X509

extension STILintRules {
    /// The extensions each profile may carry (ATIS-1000080 v005 §6.4.1.1; RFC 8226 §8 and RFC 9118 §3
    /// claim constraints are allowed in delegate certificates).
    public static func allowedExtensions(for profile: STICertificateProfile) -> Set<ASN1ObjectIdentifier> {
        let base: Set<ASN1ObjectIdentifier> = [
            .X509ExtensionID.keyUsage, .X509ExtensionID.basicConstraints, .STIR.certificatePolicies,
            .X509ExtensionID.subjectKeyIdentifier, .X509ExtensionID.authorityKeyIdentifier,
            .STIR.crlDistributionPoints, .STIR.tnAuthList,
        ]
        return profile.isDelegated ? base.union([.STIR.jwtClaimConstraints, .STIR.enhancedJWTClaimConstraints]) : base
    }

    /// Extension-set, criticality and claim-constraint rules.
    public static let extensionRules: [any LintRule] = [
        STILintRule("e_sti_extensions_allowed", .error, source: atis80Extensions, profiles: .all) { context in
            let allowed = allowedExtensions(for: context.profile)
            let extra = context.certificate.extensions.map(\.oid).filter { !allowed.contains($0) }
            return extra.isEmpty ? .pass : .fail("extensions \(extra) are not allowed in a \(context.profile) certificate")
        },
        STILintRule("e_sti_other_extensions_not_critical", .error, source: "RFC 5280 §4.2.1", profiles: .all) { context in
            let ruledElsewhere: Set<ASN1ObjectIdentifier> = [
                .X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage, .STIR.certificatePolicies, .STIR.tnAuthList,
            ]
            let critical = context.certificate.extensions.filter { $0.critical && !ruledElsewhere.contains($0.oid) }
            return critical.isEmpty ? .pass : .fail("extensions \(critical.map(\.oid)) must not be critical")
        },
        decodesRule(
            "e_sti_jwt_claim_constraints_decodes",
            .STIR.jwtClaimConstraints,
            "JWTClaimConstraints",
            source: "RFC 8226 §8"
        ) { _ = try JWTClaimConstraints($0) },
        decodesRule(
            "e_sti_enhanced_jwt_claim_constraints_decodes",
            .STIR.enhancedJWTClaimConstraints,
            "EnhancedJWTClaimConstraints",
            source: "RFC 9118 §3"
        ) { _ = try EnhancedJWTClaimConstraints($0) },
        STILintRule("w_sti_claim_constraints_not_both", .warning, source: "RFC 9118 §3", profiles: .all) { context in
            let both = context.extensionValue(.STIR.jwtClaimConstraints) != nil
                && context.extensionValue(.STIR.enhancedJWTClaimConstraints) != nil
            return both ? .fail("both JWTClaimConstraints and EnhancedJWTClaimConstraints are present") : .pass
        },
    ]
}
