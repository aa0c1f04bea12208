import App
import Foundation
import ShakenCLI
import Testing

extension StandardPortSuites {
    @Suite("shaken acme and shaken pa against a running sandbox", .serialized)
    struct CommandTests {
        @Test("acme delegate, passport sign and passport verify give TN-Validation-Passed; after acme revoke the STI-SCA CRL lists it and the call fails")
        func delegateSignVerifyRevoke() async throws {
            let sandbox = try await SandboxHarness.start(standardRepositoryPort: true)
            defer { sandbox.remove() }
            let out = sandbox.directory + "/enterprise"
            let delegate = await shaken(["acme", "delegate", "--sandbox", sandbox.directory, "--out", out, "--json"])
            #expect(delegate.status == 0, "\(delegate.err)")
            let x5u = (try? String(contentsOfFile: out + "/x5u.txt", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let signed = await shaken(["passport", "sign", "--key", out + "/delegate.key", "--x5u", x5u, "--orig", "12025550110", "--dest", "12025550199", "--attest", "A", "--json"])
            // The STI-CR is on 8443 unless another program holds it; the default x5u policy accepts 443 and 8443 only.
            let onStandardPort = x5u.hasPrefix("https://localhost:8443/certs/")
            #expect(onStandardPort ? signed.status == 0 : signed.status != 0, "\(x5u) \(signed.err)")
            let identity = (try? JSONSerialization.jsonObject(with: Data(signed.out.utf8)) as? [String: Any])?["identity"] as? String
            let verifyArguments = [
                "passport", "verify", "--identity", identity ?? "", "--chain", out + "/delegate.chain.pem", "--trust", out + "/trust.pem",
                "--crl", out + "/sti-pa.crl", "--crl", out + "/sti-sca.crl", "--crl-signer", out + "/crl-signer.pem",
                "--orig", "12025550110", "--dest", "12025550199",
            ]
            if onStandardPort {
                let verified = await shaken(verifyArguments)
                #expect(verified.status == 0 && verified.out.hasPrefix("TN-Validation-Passed"), "\(verified.out) \(verified.err)")
                #expect(verified.out.contains("(delegate certificate from an STI-SCA)"), "\(verified.out)")
            }

            let revoked = await shaken([
                "acme", "revoke", "--server", sandbox.endpoints.subordinateAuthorityDirectory, "--trust", sandbox.endpoints.tlsRootPath,
                "--dir", out, "--reason", "1",
            ])
            #expect(revoked.status == 0, "\(revoked.err)")
            let refreshed = await shaken(["acme", "delegate", "--sandbox", sandbox.directory, "--out", out + "-after"])
            #expect(refreshed.status == 0, "\(refreshed.err)")
            let crl = await shaken(["crl", "inspect", out + "-after/sti-sca.crl", "--json"])
            let serial = x5u.split(separator: "-").last.map { String($0.dropLast(4)) } ?? "?"
            #expect(crl.out.contains("\"revoked\"") && crl.out.lowercased().contains(serial), "\(crl.out)")
            if onStandardPort {
                var afterArguments = verifyArguments
                if let index = afterArguments.firstIndex(of: out + "/sti-sca.crl") { afterArguments[index] = out + "-after/sti-sca.crl" }
                let after = await shaken(afterArguments)
                #expect(!after.out.hasPrefix("TN-Validation-Passed"), "\(after.out)")
            }
            await sandbox.stop()
        }

        @Test("pa trust-list, account create, user create and revoke drive the STI-PA admin routes; bad input is one line")
        func operatorCommands() async throws {
            let sandbox = try await SandboxHarness.start()
            defer { sandbox.remove() }
            let list = await shaken(["pa", "trust-list", "--sandbox", sandbox.directory])
            #expect(list.status == 0 && list.out.contains("SHAKEN ROOT Sandbox STI-CA"), "\(list.out) \(list.err)")
            let account = await shaken([
                "pa", "account", "create", "--sandbox", sandbox.directory, "--id", "sp-1234", "--name", "Other SP", "--spc", "1234",
                "--range", "13035550100:50", "--json",
            ])
            #expect(account.status == 0 && account.out.contains("sp-1234"), "\(account.err)")
            let duplicate = await shaken(["pa", "account", "create", "--sandbox", sandbox.directory, "--id", "sp-1234", "--name", "Again", "--spc", "1234"])
            #expect(duplicate.status != 0 && duplicate.err.split(separator: "\n").count == 1, "\(duplicate.err)")
            let user = await shaken(["pa", "user", "create", "--sandbox", sandbox.directory, "--account", "sp-1234", "--user", "alice", "--password", "correct horse battery staple"])
            #expect(user.status == 0, "\(user.err)")
            let badRange = await shaken(["pa", "account", "create", "--sandbox", sandbox.directory, "--id", "x", "--name", "x", "--spc", "1", "--range", "nope"])
            #expect(badRange.status != 0 && badRange.err.contains("START:COUNT"))
            let revoke = await shaken(["pa", "revoke", "--sandbox", sandbox.directory, "--certificate", sandbox.directory + "/sca/ca.pem", "--reason", "1"])
            #expect(revoke.status == 0, "\(revoke.err)")
            let again = await shaken(["pa", "revoke", "--sandbox", sandbox.directory, "--certificate", sandbox.directory + "/sca/ca.pem"])
            #expect(again.status != 0)
            let missing = await shaken(["acme", "delegate", "--sandbox", sandbox.directory + "/absent", "--out", sandbox.directory + "/x"])
            #expect(missing.status != 0 && missing.err.contains("endpoints.json"))
            await sandbox.stop()
        }

        @Test(
            "acme certificate obtains each kind with the right token authority and issuer; renew gives a new serial",
            arguments: [
                ("sp", ["--spc", "5678"], 2), ("tn", ["--via", "direct", "--range", "12025550150:5"], 2), ("delegate", ["--tn", "12025550111"], 3),
                ("sca", ["--spc", "5678"], 2),
            ]
        )
        func certificateKinds(kind: String, entries: [String], chainLength: Int) async throws {
            let sandbox = try await SandboxHarness.start()
            defer { sandbox.remove() }
            let dir = sandbox.directory + "/keys-" + kind
            let obtained = await shaken(["acme", "certificate", "--kind", kind, "--sandbox", sandbox.directory, "--dir", dir, "--json"] + entries)
            #expect(obtained.status == 0, "\(obtained.err)")
            let first = try JSONSerialization.jsonObject(with: Data(obtained.out.utf8)) as? [String: Any]
            #expect(first?["chainLength"] as? Int == chainLength)
            // The serial as the other commands print it: two lower-case hex digits per DER octet.
            let serial = first?["serialNumber"] as? String ?? ""
            #expect(!serial.isEmpty && serial.count % 2 == 0 && serial.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(serial)")
            let password = kind == "delegate" ? sandbox.endpoints.enterprise.password : sandbox.endpoints.provider.password
            let renewed = await shaken(["acme", "renew", "--dir", dir, "--name", kind, "--password", password, "--json"])
            #expect(renewed.status == 0, "\(renewed.err)")
            let second = try JSONSerialization.jsonObject(with: Data(renewed.out.utf8)) as? [String: Any]
            #expect(second?["serialNumber"] as? String != nil && second?["serialNumber"] as? String != first?["serialNumber"] as? String)
            await sandbox.stop()
        }

        @Test("acme certificate for numbers the account does not hold fails with one line")
        func certificateOutsideHoldingsRefused() async throws {
            let sandbox = try await SandboxHarness.start()
            defer { sandbox.remove() }
            let foreign = await shaken(["acme", "certificate", "--kind", "sp", "--sandbox", sandbox.directory, "--dir", sandbox.directory + "/k", "--spc", "1234"])
            #expect(foreign.status != 0 && foreign.err.split(separator: "\n").count == 1, "\(foreign.err)")
            let delegate = await shaken([
                "acme", "certificate", "--kind", "delegate", "--sandbox", sandbox.directory, "--dir", sandbox.directory + "/d", "--range", "12025550150:5",
            ])
            #expect(delegate.status != 0, "\(delegate.out)")
            let noList = await shaken(["acme", "certificate", "--kind", "sp", "--sandbox", sandbox.directory, "--dir", sandbox.directory + "/n"])
            #expect(noList.status != 0 && noList.err.contains("--spc"))
            await sandbox.stop()
        }
    }
}
