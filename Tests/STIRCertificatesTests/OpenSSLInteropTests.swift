import Foundation
import STIRCertificates
import STIRTesting
import TNAuthList
import Testing
import X509

/// The `openssl` tool; `nil` when absent, and an issue is recorded when CI requires it.
enum OpenSSL {
    static func available() -> ExternalTool? {
        let tool = ExternalTool.openssl
        if tool.executable == nil, ExternalTool.isCI {
            Issue.record("openssl is required on CI but not on PATH")
            return nil
        }
        return tool.executable == nil ? nil : tool
    }

    static func run(_ tool: ExternalTool, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = try tool.run(arguments)
        return (output.status, output.combined)
    }

    static func temporaryDirectory() throws -> URL {
        try ExternalTool.temporaryDirectory()
    }
}

@Suite("OpenSSL interoperability")
struct OpenSSLInteropTests {
    @Test("openssl parses every builder-made certificate", arguments: 0..<7)
    func opensslParsesBuilderOutput(index: Int) throws {
        guard let tool = OpenSSL.available() else { return }
        let (label, entity, _) = LintRuleTests.cleanEntities[index]
        let directory = try OpenSSL.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(label).pem")
        try entity.certificate.serializeAsPEM().pemString.write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try OpenSSL.run(tool, ["x509", "-noout", "-text", "-in", file.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("X509v3 Basic Constraints: critical"))
        #expect(output.contains("X509v3 Key Usage: critical"))
        #expect(output.contains("ecdsa-with-SHA256"))
    }

    @Test("An OpenSSL-made certificate with a TNAuthList parses and lints as expected", arguments: [false, true])
    func opensslMadeCertificate(critical: Bool) throws {
        guard let tool = OpenSSL.available() else { return }
        let directory = try OpenSSL.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let certFile = directory.appendingPathComponent("cert.pem")
        let keyFile = directory.appendingPathComponent("key.pem")
        let (status, output) = try OpenSSL.run(tool, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", keyFile.path, "-out", certFile.path, "-days", "30", "-sha256",
            "-subj", "/C=US/O=Example SP/CN=SHAKEN 1234",
            "-addext", "basicConstraints=critical,CA:FALSE",
            "-addext", "keyUsage=critical,digitalSignature",
            "-addext", "1.3.6.1.5.5.7.1.26=\(critical ? "critical," : "")DER:3008A006160431323334",
        ])
        try #require(status == 0, "\(output)")
        let certificate = try Certificate(pemEncoded: String(contentsOf: certFile, encoding: .utf8))
        #expect(try certificate.extensions.tnAuthList == TNAuthorizationList([.spc(ServiceProviderCode("1234"))]))
        #expect(STICertificateProfile.classify(certificate, issuer: nil) == .endEntity)

        let rules = Set(STICertificateLinter().lint(certificate, issuer: nil).map(\.rule))
        // A self-made SP certificate lacks the SHAKEN policy and CRL DP, and its TNAuthList is fine.
        #expect(rules.isSuperset(of: ["e_sti_cp_present", "e_sti_crldp_present"]))
        #expect(!rules.contains("e_sti_tnauthlist_decodes"))
        #expect(!rules.contains("e_sti_ee_tnauthlist_one_spc"))
        #expect(!rules.contains("e_sti_ee_cn_shaken_spc"))
        #expect(rules.contains("e_sti_tnauthlist_not_critical") == critical)
    }
}
