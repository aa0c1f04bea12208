import App
import Foundation
import Testing

extension StandardPortSuites {
    @Suite("shaken acme certificate --kind tn through the provider's proxies", .serialized)
    struct ProxyCommandTests {
        @Test("acme certificate --kind tn --sandbox goes through the SP-PA-proxy and SP-CA-proxy; the certificate signs a PASSporT that passport verify passes")
        func tnThroughProxies() async throws {
            let sandbox = try await SandboxHarness.start(standardRepositoryPort: true)
            defer { sandbox.remove() }
            let out = sandbox.directory + "/pbx"
            let issued = await shaken(["acme", "certificate", "--kind", "tn", "--sandbox", sandbox.directory, "--dir", out, "--json"])
            #expect(issued.status == 0 && issued.out.contains("\"chainLength\": 2"), "\(issued.out) \(issued.err)")
            let enrollment = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/tn.enrollment.json")))) as? [String: Any]
            #expect(enrollment?["via"] as? String == "proxy" && enrollment?["server"] as? String == sandbox.endpoints.proxyDirectory, "\(enrollment ?? [:])")
            #expect(enrollment?["tokenServer"] as? String == sandbox.endpoints.proxyTokenServer)
            let x5u = (try? String(contentsOfFile: out + "/x5u.txt", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            #expect(x5u.hasPrefix(sandbox.endpoints.repository + "/sti-ca-"), "\(x5u)")

            let orig = sandbox.endpoints.pbx.tnRangeStart
            let signed = await shaken(["passport", "sign", "--key", out + "/tn.key", "--x5u", x5u, "--orig", orig, "--dest", "12025550199", "--attest", "A", "--json"])
            // The default x5u policy accepts ports 443 and 8443 only; the STI-CR is on 8443 unless another program holds it.
            let onStandardPort = x5u.hasPrefix("https://localhost:8443/certs/")
            #expect(onStandardPort ? signed.status == 0 : signed.status != 0, "\(x5u) \(signed.err)")
            if onStandardPort {
                let identity = (try? JSONSerialization.jsonObject(with: Data(signed.out.utf8)) as? [String: Any])?["identity"] as? String
                let verified = await shaken([
                    "passport", "verify", "--identity", identity ?? "", "--chain", out + "/tn.chain.pem", "--trust", out + "/trust.pem",
                    "--crl", out + "/sti-pa.crl", "--crl-signer", out + "/crl-signer.pem", "--orig", orig, "--dest", "12025550199",
                ])
                #expect(verified.status == 0 && verified.out.hasPrefix("TN-Validation-Passed"), "\(verified.out) \(verified.err)")
                #expect(verified.out.contains("(TN-level certificate from the STI-CA)"), "\(verified.out)")
            }

            let renewed = await shaken(["acme", "renew", "--dir", out, "--name", "tn", "--password", sandbox.endpoints.pbx.password, "--json"])
            #expect(renewed.status == 0 && renewed.out.contains("\"chainLength\": 2"), "\(renewed.out) \(renewed.err)")

            let direct = await shaken([
                "acme", "certificate", "--kind", "tn", "--via", "direct", "--sandbox", sandbox.directory, "--dir", sandbox.directory + "/sp",
                "--range", "12025550180:5", "--json",
            ])
            #expect(direct.status == 0 && direct.out.contains("\"chainLength\": 2"), "\(direct.out) \(direct.err)")
            let misuse = await shaken(["acme", "certificate", "--kind", "sp", "--via", "proxy", "--sandbox", sandbox.directory, "--dir", out, "--spc", "5678"])
            #expect(misuse.status != 0 && misuse.err.contains("--via"), "\(misuse.err)")
            await sandbox.stop()
        }
    }
}
