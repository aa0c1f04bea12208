import Crypto
import Foundation
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import X509

extension LintCase {
    static let twenty = [UInt8](repeating: 0x42, count: 20)

    /// One case per rule of the registry.
    static let all: [LintCase] = basics + extensions + scope

    static let basics: [LintCase] = [
        edit("e_sti_version_v3", delegate, .delegateEndEntity) { $0.version = .v1 },
        edit("e_sti_serial_positive", delegate, .delegateEndEntity) {
            $0.serialNumber = Certificate.SerialNumber(bytes: [0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        },
        edit("e_sti_serial_64_bit_entropy", delegate, .delegateEndEntity) {
            $0.serialNumber = Certificate.SerialNumber(bytes: [0x01, 0x02, 0x03, 0x04])
        },
        edit("e_sti_serial_max_20_octets", delegate, .delegateEndEntity) {
            $0.serialNumber = Certificate.SerialNumber(bytes: [0x40] + [UInt8](repeating: 7, count: 20))
        },
        LintCase(rule: "e_sti_signature_algorithm_ecdsa") { pki in
            var template = CertificateTemplate(pki.endEntity.certificate)
            template.signatureAlgorithm = .ed25519
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 3, count: 32))
            return (try template.signed(by: Certificate.PrivateKey(key)), pki.intermediate.certificate, .endEntity)
        },
        LintCase(rule: "n_sti_signature_algorithm_sha384") { pki in
            var template = CertificateTemplate(pki.endEntity.certificate)
            template.signatureAlgorithm = .ecdsaWithSHA384
            let key = try P384.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 5, count: 48))
            return (try template.signed(by: Certificate.PrivateKey(key)), pki.intermediate.certificate, .endEntity)
        },
        edit("e_sti_spki_p256", ee, .endEntity) {
            let key = try P384.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 5, count: 48))
            $0.publicKey = Certificate.PublicKey(key.publicKey)
        },
        edit("e_sti_validity_order", ee, .endEntity) { swap(&$0.notValidBefore, &$0.notValidAfter) },
        edit("e_sti_subject_cn_present", delegate, .delegateEndEntity) { $0.subject = try name(cn: nil) },
        edit("e_sti_subject_o_present", delegate, .delegateEndEntity) { $0.subject = try name(o: nil, cn: "X") },
        edit("e_sti_subject_c_present", delegate, .delegateEndEntity) { $0.subject = try name(c: nil, cn: "X") },
        edit("e_sti_subject_c_alpha2", delegate, .delegateEndEntity) { $0.subject = try name(c: "USA", cn: "X") },
        edit("e_sti_root_cn_shaken_root", root, .root) {
            $0.subject = try name(cn: "SHAKEN Example")
            $0.issuer = $0.subject
        },
        edit("e_sti_intermediate_cn_shaken", intermediate, .intermediate) { $0.subject = try name(cn: "Example CA") },
        edit("e_sti_ee_cn_shaken_spc", ee, .endEntity) { $0.subject = try name(cn: "SHAKEN 9999") },
        edit("e_sti_root_self_issued", root, .root) { $0.issuer = try name(cn: "Other") },
        edit("e_sti_issuer_matches_issuer_subject", ee, .endEntity) { $0.issuer = try name(cn: "SHAKEN Other") },
        edit("e_sti_bc_present", delegate, .delegateEndEntity) { $0.removeExtension(.X509ExtensionID.basicConstraints) },
        edit("e_sti_bc_critical", ee, .endEntity) { $0.setCritical(.X509ExtensionID.basicConstraints, false) },
        edit("e_sti_bc_ca_true", intermediate, .intermediate) {
            $0.setExtension(try Certificate.Extension(BasicConstraints.notCertificateAuthority, critical: true))
        },
        edit("e_sti_bc_ca_false", ee, .endEntity) {
            $0.setExtension(try Certificate.Extension(BasicConstraints.isCertificateAuthority(maxPathLength: nil), critical: true))
        },
        edit("e_sti_ku_present", ee, .endEntity) { $0.removeExtension(.X509ExtensionID.keyUsage) },
        edit("e_sti_ku_critical", ee, .endEntity) { $0.setCritical(.X509ExtensionID.keyUsage, false) },
        edit("e_sti_ku_ca_key_cert_sign_only", intermediate, .intermediate) {
            $0.setExtension(try Certificate.Extension(KeyUsage(keyCertSign: true, cRLSign: true), critical: true))
        },
        edit("e_sti_ku_scoped_ca_bits", sca, .subordinateCA) {
            $0.setExtension(try Certificate.Extension(KeyUsage(digitalSignature: true, keyCertSign: true), critical: true))
        },
        edit("e_sti_ku_ee_digital_signature_only", delegate, .delegateEndEntity) {
            $0.setExtension(try Certificate.Extension(KeyUsage(keyCertSign: true), critical: true))
        },
        edit("e_sti_ski_present", ee, .endEntity) { $0.removeExtension(.X509ExtensionID.subjectKeyIdentifier) },
        edit("e_sti_ski_160_bits", ee, .endEntity) {
            $0.setExtension(try Certificate.Extension(SubjectKeyIdentifier(keyIdentifier: [1, 2, 3, 4, 5, 6, 7, 8]), critical: false))
        },
        edit("e_sti_aki_present", ee, .endEntity) { $0.removeExtension(.X509ExtensionID.authorityKeyIdentifier) },
        edit("e_sti_aki_matches_issuer_ski", ee, .endEntity) {
            $0.setExtension(try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: twenty[...]), critical: false))
        },
        edit("e_sti_root_aki_matches_ski", root, .root) {
            $0.setExtension(try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: twenty[...]), critical: false))
        },
    ]

    static let extensions: [LintCase] = [
        edit("e_sti_cp_decodes", ee, .endEntity) { $0.setExtension(raw(.STIR.certificatePolicies, "3000")) },
        edit("e_sti_root_cp_absent", root, .root) {
            $0.setExtension(try Certificate.Extension(CertificatePolicies(identifiers: [SHAKENPolicy.v1_4]), critical: false))
        },
        edit("e_sti_cp_present", ee, .endEntity) { $0.removeExtension(.STIR.certificatePolicies) },
        edit("e_sti_cp_not_critical", ee, .endEntity) { $0.setCritical(.STIR.certificatePolicies, true) },
        edit("e_sti_cp_exactly_one", ee, .endEntity) {
            $0.setExtension(
                try Certificate.Extension(CertificatePolicies(identifiers: [SHAKENPolicy.v1_4, SHAKENPolicy.v1_3]), critical: false)
            )
        },
        edit("e_sti_cp_shaken_oid", ee, .endEntity) {
            $0.setExtension(try Certificate.Extension(CertificatePolicies(identifiers: [[1, 2, 3, 4]]), critical: false))
        },
        edit("e_sti_crldp_decodes", ee, .endEntity) { $0.setExtension(raw(.STIR.crlDistributionPoints, "3000")) },
        edit("e_sti_root_crldp_absent", root, .root) {
            $0.setExtension(try crlDP([DistributionPoint(url: "https://crl.example/a.crl", crlIssuer: nil)]))
        },
        edit("e_sti_crldp_present", ee, .endEntity) { $0.removeExtension(.STIR.crlDistributionPoints) },
        edit("e_sti_crldp_exactly_one", ee, .endEntity) {
            $0.setExtension(
                try crlDP([
                    DistributionPoint(url: "https://crl.example/a.crl", crlIssuer: paDN),
                    DistributionPoint(url: "https://crl.example/b.crl", crlIssuer: paDN),
                ])
            )
        },
        edit("e_sti_crldp_http_url", ee, .endEntity) {
            $0.setExtension(try crlDP([DistributionPoint(url: "ldap://crl.example/a", crlIssuer: paDN)]))
        },
        edit("e_sti_crldp_crl_issuer", ee, .endEntity) {
            $0.setExtension(try crlDP([DistributionPoint(url: "https://crl.example/a.crl", crlIssuer: nil)]))
        },
        edit("w_sti_delegate_crldp_direct", delegate, .delegateEndEntity) {
            $0.setExtension(try crlDP([DistributionPoint(url: TestPKI.scaCRLURL, crlIssuer: paDN)]))
        },
        edit("e_sti_tnauthlist_decodes", ee, .endEntity) {
            $0.setExtension(raw(.STIR.tnAuthList, "3006800431323334"))
        },
        edit("e_sti_ca_tnauthlist_absent", intermediate, .intermediate) {
            $0.setExtension(try tnList(.spc(ServiceProviderCode("1234"))))
        },
        edit("e_sti_tnauthlist_present", ee, .endEntity) { $0.removeExtension(.STIR.tnAuthList) },
        edit("e_sti_tnauthlist_not_critical", ee, .endEntity) { $0.setCritical(.STIR.tnAuthList, true) },
        edit("e_sti_ee_tnauthlist_one_spc", ee, .endEntity) {
            $0.setExtension(try tnList(.spc(ServiceProviderCode("1234")), .spc(ServiceProviderCode("5555"))))
        },
        edit("e_sti_ee_tnauthlist_no_numbers", ee, .endEntity) {
            $0.setExtension(try tnList(.spc(ServiceProviderCode("1234")), .tn(TelephoneNumber("12025550100"))))
        },
        edit("e_sti_tnauthlist_spc_format", ee, .endEntity) {
            $0.setExtension(try tnList(.spc(ServiceProviderCode("12ab"))))
            $0.subject = try name(cn: "SHAKEN 12ab")
        },
        edit("e_sti_extensions_allowed", ee, .endEntity) { $0.setExtension(raw([1, 2, 3, 4, 5], "0500")) },
        edit("e_sti_other_extensions_not_critical", ee, .endEntity) {
            $0.setCritical(.X509ExtensionID.subjectKeyIdentifier, true)
        },
        edit("e_sti_jwt_claim_constraints_decodes", delegate, .delegateEndEntity) {
            $0.setExtension(raw(.STIR.jwtClaimConstraints, "3000"))
        },
        edit("e_sti_enhanced_jwt_claim_constraints_decodes", delegate, .delegateEndEntity) {
            $0.setExtension(raw(.STIR.enhancedJWTClaimConstraints, "3000"))
        },
        edit("w_sti_claim_constraints_not_both", delegate, .delegateEndEntity) {
            $0.setExtension(try Certificate.Extension(JWTClaimConstraints(mustInclude: ["rcd"]), critical: false))
            $0.setExtension(try Certificate.Extension(EnhancedJWTClaimConstraints(mustExclude: ["div"]), critical: false))
        },
    ]

    static let scope: [LintCase] = [
        edit("e_sti_delegate_tnauthlist_numbers", delegate, .delegateEndEntity) {
            $0.setExtension(try tnList(.spc(ServiceProviderCode("5678"))))
        },
        edit("e_sti_delegate_issuer_scoped_ca", delegate, .delegateEndEntity, issuer: { pki in
            try pki.variant(of: pki.subordinateCA) { $0.removeExtension(.STIR.tnAuthList) }
        }) { _ in },
        LintCase(rule: "e_sti_delegate_tnauthlist_encompassed") { pki in
            (try pki.outOfRangeDelegateEndEntity().certificate, pki.delegateCA.certificate, .delegateEndEntity)
        },
        edit("w_sti_delegate_tnauthlist_scope_unproven", delegate, .delegateEndEntity) {
            $0.setExtension(try tnList(try TestPKI.range("13035550100", 10)))
        },
    ]
}
