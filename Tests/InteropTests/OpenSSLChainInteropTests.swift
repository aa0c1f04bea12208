import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import Testing
import X509

/// `openssl verify -crl_check_all -extended_crl` and our STIChainVerifier agree on the TestPKI
/// SHAKEN SP chain and the sub-delegation chain with their CRLs (RFC 5280 §6, §5.2.5 indirect CRLs;
/// ATIS-1000080; RFC 9060). The single-level delegate chain is covered in STIRCertificatesTests.
///
/// Not compared: an intermediate listed only on the STI-PA indirect CRL. OpenSSL also accepts the
/// root's own direct CRL (which -crl_check_all needs for the CRL signer) as complete for the
/// intermediate and so reports OK, while the SHAKEN verifier takes the cRLIssuer of the
/// intermediate's distribution point as authoritative and reports it revoked.
@Suite("openssl verify agrees with STIChainVerifier on SP and sub-delegation chains", .enabled(if: ExternalTool.openssl.isAvailableOrRequired))
struct OpenSSLChainInteropTests {
    enum Case: String, CaseIterable, Sendable {
        case spValid, spLeafRevoked, subDelegationValid, subDelegationLeafRevoked, delegateCARevoked

        var isRevoked: Bool { self != .spValid && self != .subDelegationValid }
        var isSubDelegation: Bool { rawValue.hasPrefix("subDelegation") || self == .delegateCARevoked }
    }

    /// The leaf, its untrusted intermediates (leaf's issuer first) and the CRLs for `testCase`.
    static func material(_ testCase: Case, _ fixture: InteropFixture) throws -> (leaf: Certificate, chain: [Certificate], crls: [CertificateRevocationList]) {
        let pki = fixture.pki
        let onSTIPA: [Certificate] = switch testCase {
        case .spLeafRevoked: [pki.endEntity.certificate]
        default: []
        }
        var crls = [try fixture.stiPACRL(revoking: onSTIPA), try fixture.directCRL(of: pki.root, number: 9)]
        guard testCase.isSubDelegation else {
            return (pki.endEntity.certificate, [pki.intermediate.certificate], crls)
        }
        crls.append(try fixture.directCRL(of: pki.subordinateCA, revoking: testCase == .delegateCARevoked ? [pki.delegateCA.certificate] : [], number: 3))
        crls.append(
            try fixture.directCRL(
                of: pki.delegateCA, revoking: testCase == .subDelegationLeafRevoked ? [pki.delegateCAEndEntity.certificate] : [], number: 2
            )
        )
        return (
            pki.delegateCAEndEntity.certificate,
            [pki.delegateCA.certificate, pki.subordinateCA.certificate, pki.intermediate.certificate],
            crls
        )
    }

    @Test("openssl verify and STIChainVerifier give the same verdict", arguments: Case.allCases)
    func agree(_ testCase: Case) async throws {
        let fixture = try #require(InteropFixture.shared)
        let pki = fixture.pki
        let (leaf, chain, crls) = try Self.material(testCase, fixture)

        let verifier = STIChainVerifier(
            configuration: STITrustConfiguration(
                trustAnchors: [pki.root.certificate], crlSigners: [pki.stiPACRLSigner.certificate], crlSource: StaticCRLSource(crls)
            )
        )
        let ours = await verifier.verify(leaf: leaf, intermediates: chain, at: fixture.now)
        if testCase.isRevoked {
            #expect(ours.failures.map(\.code).contains(.revoked), "\(ours.failures)")
        } else {
            #expect(ours.validatedChain != nil, "\(ours.failures)")
        }

        // OpenSSL wants the indirect CRL's signer certified under the same root (same name and key)
        // and, with -crl_check_all, a root that may sign CRLs for that signer's own status.
        let crlSigner = try pki.variant(of: pki.stiPACRLSigner, signedBy: pki.root) { $0.issuer = pki.root.certificate.subject }
        let root = try pki.variant(of: pki.root) { template in
            template.setExtension(try Certificate.Extension(KeyUsage(keyCertSign: true, cRLSign: true), critical: true))
        }
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func pem(_ certificates: [Certificate]) throws -> String {
            try certificates.map { try $0.serializeAsPEM().pemString }.joined(separator: "\n")
        }
        try InteropFixture.write(try pem([root]), to: "root.pem", in: directory)
        try InteropFixture.write(try pem(chain + [crlSigner]), to: "inter.pem", in: directory)
        try InteropFixture.write(try pem([leaf]), to: "leaf.pem", in: directory)
        try InteropFixture.write(try crls.map { try $0.serializeAsPEM().pemString }.joined(separator: "\n"), to: "crl.pem", in: directory)
        let output = try ExternalTool.openssl.run(
            [
                "verify", "-crl_check_all", "-extended_crl", "-attime", String(Int64(fixture.now.timeIntervalSince1970)),
                "-CAfile", "root.pem", "-untrusted", "inter.pem", "-CRLfile", "crl.pem", "leaf.pem",
            ],
            in: directory
        )
        if testCase.isRevoked {
            #expect(output.status != 0, "\(output.combined)")
            #expect(output.combined.contains("certificate revoked"), "\(output.combined)")
        } else {
            #expect(output.status == 0, "\(output.combined)")
            #expect(output.stdout.contains("leaf.pem: OK"), "\(output.combined)")
        }
    }
}
