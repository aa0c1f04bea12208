import Foundation
import Testing

@testable import ShakenCLI

@Suite("Bad input gives one line on standard error and a non-zero exit")
struct BadInputTests {
    static func assertOneLineError(_ result: CLIResult, mentions text: String) {
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.standardError)")
        #expect(result.standardError.contains(text), "stderr: \(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test("A missing file is named in the error")
    func missingFile() async {
        let result = await shaken(["cert", "inspect", "/nonexistent/cert.pem"])
        Self.assertOneLineError(result, mentions: "/nonexistent/cert.pem")
        #expect(result.status == 2)
    }

    @Test("A file that is not PEM is rejected with its name")
    func badPEM() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path("bad.pem")
        try "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n".write(toFile: file, atomically: true, encoding: .utf8)
        Self.assertOneLineError(await shaken(["cert", "inspect", file]), mentions: file)
        let key = directory.path("bad.key")
        try "garbage".write(toFile: key, atomically: true, encoding: .utf8)
        Self.assertOneLineError(
            await shaken(["passport", "sign", "--key", key, "--x5u", "https://a.example/c.pem", "--orig", "1",
                          "--dest", "2", "--attest", "A"]),
            mentions: key
        )
    }

    @Test("A malformed telephone number is rejected", arguments: ["12a4", "+1+2", ""])
    func badTelephoneNumber(number: String) async {
        Self.assertOneLineError(await shaken(["tnauthlist", "encode", "--tn", number]), mentions: "--tn")
    }

    @Test("An unknown attestation level is a usage error")
    func unknownAttest() async {
        let result = await shaken(["passport", "sign", "--key", "k", "--x5u", "https://a.example/c.pem", "--orig", "1",
                                   "--dest", "2", "--attest", "D"])
        Self.assertOneLineError(result, mentions: "attest")
        #expect(result.status == 64)
    }

    @Test("Bad range, serial and TNAuthList values are rejected", arguments: [
        ["tnauthlist", "encode", "--range", "12025550100"],
        ["tnauthlist", "encode", "--range", "12025550100:x"],
        ["tnauthlist", "decode", "!!!"],
        ["passport", "decode", "not-a-token"],
    ])
    func badValues(arguments: [String]) async {
        let result = await shaken(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test("A certificate that fails its profile is not issued and the lint error is printed")
    func lintFailure() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = directory.path("root.key")
        _ = await shaken(["key", "generate", "--out", key])
        let result = await shaken(["cert", "create", "--profile", "root", "--key", key, "--subject-cn", "No Name",
                                   "--org", "O", "--out", directory.path("root.pem")])
        #expect(result.status == 1)
        #expect(result.standardError.contains("e_sti_root_cn_shaken_root"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("root.pem")))
    }
}
