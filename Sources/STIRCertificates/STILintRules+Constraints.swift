import SwiftASN1
import X509

extension STILintRules {
    /// basicConstraints rules (ATIS-1000080 v005 §6.4.1; RFC 9060 §4 for delegation).
    public static let basicConstraintsRules: [any LintRule] = [
        presenceRule("e_sti_bc_present", .X509ExtensionID.basicConstraints, "basicConstraints", profiles: .all),
        criticalRule("e_sti_bc_critical", .X509ExtensionID.basicConstraints, "basicConstraints", critical: true),
        STILintRule("e_sti_bc_ca_true", .error, source: atis80, profiles: .authorities) { context in
            guard let constraints = context.basicConstraints else { return .notApplicable }
            if case .isCertificateAuthority = constraints { return .pass }
            return .fail("a \(context.profile) certificate must assert cA=TRUE")
        },
        STILintRule("e_sti_bc_ca_false", .error, source: atis80, profiles: .endEntities) { context in
            guard let constraints = context.basicConstraints else { return .notApplicable }
            if case .notCertificateAuthority = constraints { return .pass }
            return .fail("an end-entity certificate must assert cA=FALSE")
        },
    ]

    /// keyUsage rules (ATIS-1000080 v005 §6.4.1; the STI-SCA and delegate CA add cRLSign for their own CRL).
    public static let keyUsageRules: [any LintRule] = [
        presenceRule("e_sti_ku_present", .X509ExtensionID.keyUsage, "keyUsage", profiles: .all),
        criticalRule("e_sti_ku_critical", .X509ExtensionID.keyUsage, "keyUsage", critical: true),
        STILintRule("e_sti_ku_ca_key_cert_sign_only", .error, source: atis80, profiles: .stiCA) { context in
            guard let usage = context.keyUsage else { return .notApplicable }
            return usage == KeyUsage(keyCertSign: true) ? .pass : .fail("keyUsage is \(usage), not exactly keyCertSign")
        },
        STILintRule("e_sti_ku_scoped_ca_bits", .error, source: atis92, profiles: .scopedCA) { context in
            guard let usage = context.keyUsage else { return .notApplicable }
            let allowed = [KeyUsage(keyCertSign: true), KeyUsage(keyCertSign: true, cRLSign: true)]
            return allowed.contains(usage) ? .pass : .fail("keyUsage is \(usage), not keyCertSign (+ cRLSign)")
        },
        STILintRule("e_sti_ku_ee_digital_signature_only", .error, source: atis80, profiles: .endEntities) { context in
            guard let usage = context.keyUsage else { return .notApplicable }
            return usage == KeyUsage(digitalSignature: true)
                ? .pass : .fail("keyUsage is \(usage), not exactly digitalSignature")
        },
    ]

    /// A rule that the extension `oid` is present.
    static func presenceRule(
        _ id: String,
        _ oid: ASN1ObjectIdentifier,
        _ name: String,
        profiles: Set<STICertificateProfile>,
        source: String = atis80
    ) -> STILintRule {
        STILintRule(id, .error, source: source, profiles: profiles) { context in
            context.extensionValue(oid) == nil ? .fail("\(name) extension is missing") : .pass
        }
    }

    /// A rule that the extension `oid` is absent.
    static func absenceRule(
        _ id: String,
        _ oid: ASN1ObjectIdentifier,
        _ name: String,
        profiles: Set<STICertificateProfile>
    ) -> STILintRule {
        STILintRule(id, .error, source: atis80, profiles: profiles) { context in
            context.extensionValue(oid) == nil ? .pass : .fail("\(name) must not be present in a \(context.profile) certificate")
        }
    }

    /// A rule on the critical flag of the extension `oid` when present.
    static func criticalRule(
        _ id: String,
        _ oid: ASN1ObjectIdentifier,
        _ name: String,
        critical: Bool,
        profiles: Set<STICertificateProfile> = .all
    ) -> STILintRule {
        STILintRule(id, .error, source: atis80, profiles: profiles) { context in
            guard let ext = context.extensionValue(oid) else { return .notApplicable }
            return ext.critical == critical
                ? .pass : .fail("\(name) must be \(critical ? "critical" : "non-critical")")
        }
    }

    /// A rule that the extension `oid`, when present, decodes.
    static func decodesRule(
        _ id: String,
        _ oid: ASN1ObjectIdentifier,
        _ name: String,
        source: String,
        decode: @escaping @Sendable (Certificate.Extension) throws -> Void
    ) -> STILintRule {
        STILintRule(id, .error, source: source, profiles: .all) { context in
            guard let ext = context.extensionValue(oid) else { return .notApplicable }
            do {
                try decode(ext)
                return .pass
            } catch {
                return .fail("\(name) does not decode: \(error)")
            }
        }
    }
}
