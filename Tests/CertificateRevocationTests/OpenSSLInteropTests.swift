import STIRTesting
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@testable import CertificateRevocation

@Suite(
    "Interoperability with OpenSSL CRLs",
    .enabled(if: ExternalTool.openssl.isAvailableOrRequired, "openssl is not on PATH; set CI to make this a failure")
)
struct OpenSSLInteropTests {
    static let caConfig = """
        [ ca ]
        default_ca = test_ca
        [ test_ca ]
        dir = .
        database = index.txt
        crlnumber = crlnumber
        new_certs_dir = .
        certificate = ca.pem
        private_key = ca.key
        default_md = sha256
        default_crl_days = 1
        crl_extensions = crl_ext
        [ crl_ext ]
        authorityKeyIdentifier = keyid:always
        [ req ]
        distinguished_name = dn
        prompt = no
        x509_extensions = v3_ca
        [ dn ]
        CN = OpenSSL Test CA
        [ v3_ca ]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [ leaf ]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        """

    @Test("A CRL made by openssl ca -gencrl parses, verifies and lists the revoked serial")
    func parsesOpenSSLCRL() throws {
        let dir = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.caConfig.write(to: dir.appendingPathComponent("ca.cnf"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        try "1000\n".write(to: dir.appendingPathComponent("crlnumber"), atomically: true, encoding: .utf8)
        let steps: [[String]] = [
            ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key"],
            ["req", "-config", "ca.cnf", "-new", "-x509", "-key", "ca.key", "-days", "30", "-out", "ca.pem"],
            ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "leaf.key"],
            ["req", "-new", "-key", "leaf.key", "-subj", "/CN=leaf", "-out", "leaf.csr"],
            ["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "0x5EED1234",
             "-days", "10", "-extfile", "ca.cnf", "-extensions", "leaf", "-out", "leaf.pem"],
            ["ca", "-config", "ca.cnf", "-revoke", "leaf.pem", "-crl_reason", "keyCompromise"],
            ["ca", "-config", "ca.cnf", "-gencrl", "-out", "crl.pem"],
        ]
        for step in steps {
            let result = try ExternalTool.openssl.run(step, in: dir)
            try #require(result.status == 0, "openssl \(step.joined(separator: " ")) failed: \(result.combined)")
        }
        let ca = try Certificate(pemEncoded: String(contentsOf: dir.appendingPathComponent("ca.pem"), encoding: .utf8))
        let leaf = try Certificate(pemEncoded: String(contentsOf: dir.appendingPathComponent("leaf.pem"), encoding: .utf8))
        let crl = try CertificateRevocationList(pemEncoded: String(contentsOf: dir.appendingPathComponent("crl.pem"), encoding: .utf8))

        #expect(crl.isSignatureValid(issuerPublicKey: ca.publicKey))
        #expect(crl.issuer == ca.subject)
        #expect(crl.crlNumber == CRLNumber(0x1000))
        #expect(crl.count == 1)
        let entry = try #require(crl.revocationStatus(serialNumber: leaf.serialNumber, issuer: leaf.issuer))
        #expect(entry.serialNumber == Certificate.SerialNumber(bytes: [0x5E, 0xED, 0x12, 0x34]))
        #expect(entry.reason == .keyCompromise)
        #expect(crl.status(of: leaf, signer: ca, at: crl.thisUpdate + 60) == .revoked(entry))
        // The received bytes are kept exactly.
        #expect(try derBytes(crl) == Array(crl.derRepresentation))
    }

    @Test("OpenSSL verifies our CRL's signature and uses it to reject the revoked leaf only")
    func openSSLAcceptsOurCRL() throws {
        let dir = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try TestPKI.authority("Interop Root")
        let revoked = try TestPKI.leaf(serial: 0x0BAD, issuedBy: root, commonName: "revoked")
        let good = try TestPKI.leaf(serial: 0x600D, issuedBy: root, commonName: "good")
        let crl = try TestPKI.crl(from: root, entries: [TestPKI.entry(0x0BAD, reason: .keyCompromise), TestPKI.entry(0x0BAE)])
        let files: [(String, String)] = [
            ("root.pem", try root.certificate.serializeAsPEM().pemString),
            ("revoked.pem", try revoked.serializeAsPEM().pemString),
            ("good.pem", try good.serializeAsPEM().pemString),
            ("our.crl", try crl.serializeAsPEM().pemString),
        ]
        for (name, contents) in files {
            try (contents + "\n").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let signatureCheck = try ExternalTool.openssl.run(["crl", "-in", "our.crl", "-CAfile", "root.pem", "-noout"], in: dir)
        #expect(signatureCheck.status == 0, "\(signatureCheck.combined)")
        #expect(signatureCheck.combined.contains("verify OK"))

        let atTime = String(Int(TestPKI.referenceTime.timeIntervalSince1970))
        let verify = ["verify", "-attime", atTime, "-crl_check", "-CAfile", "root.pem", "-CRLfile", "our.crl"]
        let rejected = try ExternalTool.openssl.run(verify + ["revoked.pem"], in: dir)
        #expect(rejected.status != 0)
        #expect(rejected.combined.contains("certificate revoked"), "\(rejected.combined)")
        let accepted = try ExternalTool.openssl.run(verify + ["good.pem"], in: dir)
        #expect(accepted.status == 0, "\(accepted.combined)")
        #expect(accepted.combined.contains("good.pem: OK"))
    }
}
