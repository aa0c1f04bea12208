import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import SwiftASN1
import Testing
import X509

/// Cross-checks the verifier's revocation verdicts on the TestPKI delegate chain with
/// `openssl verify -crl_check_all -extended_crl` (indirect CRL support, RFC 5280 §5.2.5).
@Suite("STIChainVerifier agrees with openssl verify on the delegate chain and its CRLs", .enabled(if: ExternalTool.openssl.isAvailableOrRequired))
struct ChainVerifierOpenSSLTests {
    let pki = ChainFixtures.pki

    /// The cases: which certificate the CRLs revoke, and the code our verifier must report.
    enum Case: String, CaseIterable, Sendable {
        case noneRevoked, delegateRevoked, subordinateRevokedOnIndirectCRL

        func crls(_ pki: TestPKI) throws -> [CertificateRevocationList] {
            let delegate = self == .delegateRevoked ? [pki.delegateEndEntity.certificate] : []
            let sca = self == .subordinateRevokedOnIndirectCRL ? [pki.subordinateCA.certificate] : []
            return [
                try ChainFixtures.stiPACRL(revoking: sca),
                try ChainFixtures.directCRL(of: pki.subordinateCA, revoking: delegate),
                try ChainFixtures.directCRL(of: pki.root),
            ]
        }

        var expectedCodes: [STIChainFailure.Code] {
            self == .noneRevoked ? [] : [.revoked]
        }
    }

    @Test("openssl and STIChainVerifier give the same verdict", arguments: Case.allCases)
    func agree(_ testCase: Case) async throws {
        let crls = try testCase.crls(pki)
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == testCase.expectedCodes)

        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ pems: [String]) throws {
            try pems.joined(separator: "\n").write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // OpenSSL requires an indirect CRL's signer to chain to the same root as the certificate
        // (check_crl_chain), so it gets the STI-PA signer's name and key certified by the SHAKEN root;
        // with -crl_check_all it also checks that signer against a root CRL, which needs cRLSign on
        // the root. Same names and keys, so every signature in the chain and the CRLs still verifies.
        let crlSigner = try pki.variant(of: pki.stiPACRLSigner, signedBy: pki.root) { template in
            template.issuer = pki.root.certificate.subject
        }
        let root = try pki.variant(of: pki.root) { template in
            template.setExtension(try Certificate.Extension(KeyUsage(keyCertSign: true, cRLSign: true), critical: true))
        }
        try write("ca.pem", [try root.serializeAsPEM().pemString])
        try write("untrusted.pem", try [pki.subordinateCA.certificate, pki.intermediate.certificate, crlSigner].map { try $0.serializeAsPEM().pemString })
        try write("leaf.pem", [try pki.delegateEndEntity.certificate.serializeAsPEM().pemString])
        try write("crls.pem", try crls.map { try $0.serializeAsPEM().pemString })

        let openssl = try ExternalTool.openssl.run(
            [
                "verify", "-crl_check_all", "-extended_crl", "-attime", String(Int(ChainFixtures.now.timeIntervalSince1970)),
                "-CAfile", "ca.pem", "-untrusted", "untrusted.pem", "-CRLfile", "crls.pem", "leaf.pem",
            ],
            in: directory
        )
        if testCase == .noneRevoked {
            #expect(openssl.status == 0, "\(openssl.combined)")
        } else {
            #expect(openssl.status != 0)
            #expect(openssl.combined.contains("certificate revoked"), "\(openssl.combined)")
        }
    }
}
