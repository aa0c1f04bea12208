import Foundation
import JOSE
import Testing

@testable import ShakenCLI

/// Parses the JSON a command printed.
func parsedJSON(_ result: CLIResult) throws -> JSONValue {
    try StrictJSONParser().parse(string: result.trimmedOutput)
}

@Suite("The shaken commands run end to end in process")
struct EndToEndTests {
    @Test("Every profile created by the CLI lints clean")
    func lintClean() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        for (file, issuer) in [("root.pem", nil), ("inter.pem", "root.pem"), ("sp.pem", "inter.pem"), ("sca.pem", "inter.pem"),
                               ("deleg.pem", "sca.pem"), ("dca.pem", "sca.pem")] as [(String, String?)] {
            var arguments = ["cert", "lint", pki.path(file), "--json"]
            if let issuer { arguments += ["--issuer", pki.path(issuer)] }
            let result = await shaken(arguments)
            #expect(result.status == 0, "\(file): \(result.standardOutput)")
            #expect(try parsedJSON(result).objectValue?["errors"] == .integer(0))
        }
    }

    @Test("cert inspect --json has the exact documented shape")
    func inspectShape() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        let sca = try parsedJSON(try await pki.must(["cert", "inspect", pki.path("sca.pem"), "--json"]))
        let object = try #require(sca.objectValue)
        #expect(Set(object.names) == [
            "subject", "issuer", "serialNumber", "notBefore", "notAfter", "profile", "keyUsage", "basicConstraints",
            "policies", "crlDistributionPoints", "tnAuthList", "tnAuthListReferences", "jwtClaimConstraints",
            "sha256Fingerprint",
        ])
        #expect(object["profile"] == .string("sca"))
        let expected = try StrictJSONParser().parse(string: #"[{"spc":"5678"},{"range":{"start":"12025550100","count":100}}]"#)
        #expect(object["tnAuthList"] == expected)
        let bundle = try parsedJSON(try await pki.must(["cert", "inspect", pki.path("chain.pem"), "--json"]))
        #expect(bundle.arrayValue?.count == 3)
        #expect(bundle.arrayValue?.first?.objectValue?["profile"] == .string("delegate"))
        #expect(bundle.arrayValue?.first?.objectValue?["tnAuthList"]
            == (try StrictJSONParser().parse(string: #"[{"range":{"start":"12025550110","count":10}}]"#)))
    }

    @Test("A delegate-signed PASSporT verifies: exit 0 and TN-Validation-Passed")
    func verifyPasses() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        let identity = try await pki.sign()
        #expect(identity.contains(";info=<\(CLIPKI.x5u)>"))
        #expect(!identity.contains("\n"))
        let result = await pki.verify(identity)
        #expect(result.status == 0, "\(result.standardOutput) \(result.standardError)")
        let json = try #require(try parsedJSON(result).objectValue)
        #expect(json["verstat"] == .string("TN-Validation-Passed"))
        #expect(json["reasonCode"] == nil)
        #expect(json["delegate"] == .bool(true))
        #expect(json["attest"] == .string("A"))
        let text = await shaken(["passport", "verify", "--identity", identity, "--chain", pki.path("chain.pem"),
                                 "--trust", pki.path("root.pem"), "--crl-signer", pki.path("pa.pem"),
                                 "--crl", pki.path("pa.crl"), "--crl", pki.path("sca.crl")])
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("TN-Validation-Passed\n"))
    }

    @Test("An explicit --iat outside the freshness window signs with a note, and verifies only with --now")
    func explicitIssuedAt() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        let iat = Int64(Date().timeIntervalSince1970) + 3_600
        let signed = try await pki.must(["passport", "sign", "--key", pki.path("deleg.key"), "--x5u", CLIPKI.x5u,
                                         "--orig", "12025550112", "--dest", "13035550123", "--attest", "A",
                                         "--iat", String(iat)])
        #expect(signed.standardError.contains("--now \(iat)"), "\(signed.standardError)")
        let identity = signed.trimmedOutput
        let now = await pki.verify(identity)
        #expect(now.status == 1)
        #expect(try parsedJSON(now).objectValue?["reasonCode"] == .integer(403))
        let then = await pki.verify(identity, extra: ["--now", String(iat)])
        #expect(then.status == 0, "\(then.standardOutput)")
    }

    @Test(
        "Failing verifications exit non-zero with the SIP reason code",
        arguments: [
            ("wrong trust", 437, "chainUntrusted"),
            ("revoked", 437, "certificateRevoked"),
            ("outside range", 438, "origOutOfScope"),
            ("no CRL", 437, "revocationUnknown"),
        ]
    )
    func verifyFails(scenario: String, code: Int64, failure: String) async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        let result: CLIResult
        switch scenario {
        case "wrong trust":
            result = await pki.verify(try await pki.sign(), trust: "other.pem")
        case "revoked":
            let serial = try #require(try parsedJSON(try await pki.must(["cert", "inspect", pki.path("deleg.pem"), "--json"]))
                .objectValue?["serialNumber"]?.stringValue)
            try await pki.must(["crl", "create", "--issuer", pki.path("sca.pem"), "--issuer-key", pki.path("sca.key"),
                                "--revoke", "\(serial):keyCompromise", "--out", pki.path("revoked.crl")])
            result = await pki.verify(try await pki.sign(), crls: ["pa.crl", "revoked.crl"])
        case "outside range":
            result = await pki.verify(try await pki.sign(orig: "12025550190"), orig: "12025550190")
        default:
            result = await pki.verify(try await pki.sign(), crls: [])
            #expect(result.standardError.contains("revocation status is unknown"))
        }
        #expect(result.status == 1)
        let json = try #require(try parsedJSON(result).objectValue)
        #expect(json["reasonCode"] == .integer(code))
        #expect(json["failure"] == .string(failure))
        #expect(json["verstat"] != .string("TN-Validation-Passed"))
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("shaken: error:") }
        #expect(errors.count == 1, "stderr: \(result.standardError)")
    }

    @Test("--no-revocation-check passes without CRLs and says so loudly")
    func noRevocationCheck() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        let result = await pki.verify(try await pki.sign(), crls: [], extra: ["--no-revocation-check"])
        #expect(result.status == 0)
        #expect(result.standardError.contains("NOT checked"))
        #expect(try parsedJSON(result).objectValue?["revocationChecked"] == .bool(false))
    }

    @Test("tnauthlist encode and decode round-trip in base64 and hex")
    func tnAuthListRoundTrip() async throws {
        let encoded = try parsedJSON(await shaken(["tnauthlist", "encode", "--spc", "1234", "--tn", "12025550100",
                                                   "--range", "12025550100:100", "--json"]))
        let base64 = try #require(encoded.objectValue?["base64"]?.stringValue)
        let hex = try #require(encoded.objectValue?["hex"]?.stringValue)
        for value in [base64, hex, base64.replacingOccurrences(of: "=", with: "")] {
            let decoded = try parsedJSON(await shaken(["tnauthlist", "decode", value, "--json"]))
            #expect(decoded.objectValue?["entries"] == encoded.objectValue?["entries"])
        }
    }

    @Test("passport decode prints header and claims and says unverified")
    func decode() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        let identity = try await pki.sign()
        let json = try #require(try parsedJSON(try await pki.must(["passport", "decode", identity, "--json"])).objectValue)
        #expect(json["verified"] == .bool(false))
        #expect(json["claims"]?.objectValue?["orig"]?.objectValue?["tn"] == .string("12025550112"))
        let text = try await pki.must(["passport", "decode", identity])
        #expect(text.standardOutput.contains("UNVERIFIED"))
    }

    @Test("key generate --json gives the PEMs and the RFC 7638 thumbprint")
    func keyGenerate() async throws {
        let json = try #require(try parsedJSON(await shaken(["key", "generate", "--json"])).objectValue)
        #expect(json["privateKeyPEM"]?.stringValue?.hasPrefix("-----BEGIN PRIVATE KEY-----") == true)
        #expect(json["publicKeyPEM"]?.stringValue?.hasPrefix("-----BEGIN PUBLIC KEY-----") == true)
        #expect(json["jwkThumbprint"]?.stringValue?.count == 43)
    }

    @Test("crl inspect lists the revoked serial and reason")
    func crlInspect() async throws {
        let pki = try await CLIPKI.make()
        defer { pki.directory.remove() }
        try await pki.must(["crl", "create", "--issuer", pki.path("sca.pem"), "--issuer-key", pki.path("sca.key"),
                            "--revoke", "0a1b:keyCompromise", "--out", pki.path("r.crl")])
        let json = try #require(try parsedJSON(try await pki.must(["crl", "inspect", pki.path("r.crl"), "--json"])).objectValue)
        let entry = try #require(json["revoked"]?.arrayValue?.first?.objectValue)
        #expect(entry["serialNumber"] == .string("0a1b"))
        #expect(entry["reason"] == .string("keyCompromise"))
    }

    @Test("The demo runs and every step behaves as the story says")
    func demo() async throws {
        let result = await shaken(["demo", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try parsedJSON(result).objectValue?["asExpected"] == .bool(true))
    }
}
