import App
import CertificateRevocation
import Foundation
import SwiftASN1
import Testing
import X509

/// `openssl verify -crl_check -extended_crl` against every kind of chain a running sandbox issues:
/// SP, STI-SCA and TN-level certificates from the STI-CA (directly, and for the PBX through the provider's proxies) (covered by the STI-PA's indirect CRL,
/// whose signer the STI-CA root certifies), delegate certificates from the STI-SCA (its direct
/// CRL), and the sandbox's own STI-SCA certificate; then the same after revocations.
@Suite("OpenSSL accepts every chain the sandbox issues", .enabled(if: PythonACMEScript.isCI || PythonACMEScript.executable("openssl") != nil))
struct OpenSSLSandboxChainTests {
    /// A chain to check: its name and the PEM file holding it, leaf first.
    struct IssuedChain {
        let name: String
        let path: String
    }

    @Test("every issued chain verifies with -crl_check; revoked SP and delegate certificates are reported revoked, the rest stay good")
    func everyChain() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { sandbox.remove() }
        let work = sandbox.directory + "/openssl"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

        let enterprise = sandbox.directory + "/enterprise"
        let delegate = await shaken(["acme", "delegate", "--sandbox", sandbox.directory, "--out", enterprise])
        try #require(delegate.status == 0, "\(delegate.err)")
        var chains = [
            IssuedChain(name: "delegate", path: enterprise + "/delegate.chain.pem"),
            IssuedChain(name: "sandbox-sca", path: sandbox.directory + "/sca/ca.pem"),
        ]
        let kinds: [(label: String, kind: String, arguments: [String])] = [
            ("sp", "sp", ["--spc", "5678"]), ("sca", "sca", ["--spc", "5678"]), ("tn", "tn", ["--via", "direct", "--range", "12025550150:5"]),
            ("pbx", "tn", ["--range", "12025550160:10"]),
        ]
        for (label, kind, arguments) in kinds {
            let dir = sandbox.directory + "/keys-" + label
            let obtained = await shaken(["acme", "certificate", "--kind", kind, "--sandbox", sandbox.directory, "--dir", dir] + arguments)
            try #require(obtained.status == 0, "\(label): \(obtained.err)")
            chains.append(IssuedChain(name: label, path: dir + "/" + kind + ".chain.pem"))
        }

        let crls = try Self.writeCRLs(from: enterprise, into: work)
        for chain in chains {
            let output = try await Self.verify(chain, crls: crls, signer: enterprise + "/crl-signer.pem", trust: enterprise + "/trust.pem", in: work)
            #expect(output.status == 0 && output.stdout.contains(": OK"), "\(chain.name): \(output.combined)")
        }

        // The STI-PA revokes the SP certificate; the enterprise's delegate certificate is revoked at the STI-SCA.
        let revokedSP = await shaken(["pa", "revoke", "--sandbox", sandbox.directory, "--certificate", sandbox.directory + "/keys-sp/sp.pem", "--reason", "1"])
        #expect(revokedSP.status == 0, "\(revokedSP.err)")
        let revokedDelegate = await shaken([
            "acme", "revoke", "--server", sandbox.endpoints.subordinateAuthorityDirectory, "--trust", sandbox.endpoints.tlsRootPath,
            "--dir", enterprise, "--name", "delegate", "--reason", "1",
        ])
        #expect(revokedDelegate.status == 0, "\(revokedDelegate.err)")
        let refreshed = await shaken(["acme", "delegate", "--sandbox", sandbox.directory, "--out", enterprise + "-after"])
        try #require(refreshed.status == 0, "\(refreshed.err)")
        let after = try Self.writeCRLs(from: enterprise + "-after", into: work + "/after")
        for chain in chains {
            let output = try await Self.verify(chain, crls: after, signer: enterprise + "/crl-signer.pem", trust: enterprise + "/trust.pem", in: work)
            if ["sp", "delegate"].contains(chain.name) {
                #expect(output.status != 0 && output.combined.contains("certificate revoked"), "\(chain.name): \(output.combined)")
            } else {
                #expect(output.status == 0 && output.stdout.contains(": OK"), "\(chain.name): \(output.combined)")
            }
        }
        await sandbox.stop()
    }

    /// The STI-PA and STI-SCA CRLs of an enrollment folder as PEM files in `directory`.
    static func writeCRLs(from folder: String, into directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try ["sti-pa", "sti-sca"].map { name in
            let der = try #require(FileManager.default.contents(atPath: folder + "/" + name + ".crl"), "\(folder)/\(name).crl")
            let crl = try CertificateRevocationList(derEncoded: Array(der))
            let path = directory + "/" + name + ".crl.pem"
            try Data(try crl.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// Runs `openssl verify -crl_check -extended_crl` on the chain's leaf, its other certificates and
    /// the CRL signer given as untrusted, the STI-PA trust list as the anchors.
    static func verify(_ chain: IssuedChain, crls: [String], signer: String, trust: String, in directory: String) async throws -> PythonACMEScript.Output {
        let text = try String(contentsOfFile: chain.path, encoding: .utf8)
        let certificates = try PEMDocument.parseMultiple(pemString: text).map { try Certificate(derEncoded: $0.derBytes) }
        let leaf = try #require(certificates.first, "\(chain.path) holds no certificate")
        let leafPath = directory + "/\(chain.name).leaf.pem"
        let untrustedPath = directory + "/\(chain.name).untrusted.pem"
        try Data(try leaf.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: leafPath))
        let others = try certificates.dropFirst().map { try $0.serializeAsPEM().pemString }
        let signerPEM = try String(contentsOfFile: signer, encoding: .utf8)
        try Data((others + [signerPEM]).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: untrustedPath))
        var arguments = ["verify", "-crl_check", "-extended_crl", "-CAfile", trust, "-untrusted", untrustedPath]
        for crl in crls { arguments += ["-CRLfile", crl] }
        return try await PythonACMEScript.run("openssl", arguments + [leafPath], in: directory)
    }
}
