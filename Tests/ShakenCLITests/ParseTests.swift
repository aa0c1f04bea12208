import ArgumentParser
import Testing

@testable import ShakenCLI

@Suite("Every subcommand parses its arguments")
struct ParseTests {
    @Test(
        "Valid command lines parse to the right subcommand",
        arguments: [
            (["key", "generate", "--out", "k.pem"], "Generate"),
            (["tnauthlist", "encode", "--spc", "1234", "--range", "12025550100:100"], "Encode"),
            (["tnauthlist", "decode", "MAigBhYEMTIzNA=="], "Decode"),
            (["cert", "create", "--profile", "delegate", "--key", "k", "--issuer", "i", "--issuer-key", "ik",
              "--subject-cn", "E", "--org", "O", "--range", "12025550110:10"], "CertCreateCommand"),
            (["cert", "inspect", "c.pem", "--json"], "CertInspectCommand"),
            (["cert", "lint", "c.pem", "--issuer", "i.pem", "--profile", "sca"], "CertLintCommand"),
            (["crl", "create", "--issuer", "i", "--issuer-key", "k", "--revoke", "0a:keyCompromise"], "CRLCreateCommand"),
            (["crl", "inspect", "x.crl"], "CRLInspectCommand"),
            (["passport", "sign", "--key", "k", "--x5u", "https://a.example/c.pem", "--orig", "1", "--dest", "2",
              "--attest", "A"], "PassportSignCommand"),
            (["passport", "verify", "--identity", "x", "--chain", "c", "--trust", "t"], "PassportVerifyCommand"),
            (["passport", "decode", "x", "--json"], "PassportDecodeCommand"),
            (["demo", "--json"], "DemoCommand"),
        ]
    )
    func parses(arguments: [String], expected: String) throws {
        let command = try Shaken.parseAsRoot(arguments)
        #expect(String(describing: type(of: command)) == expected)
    }

    @Test("cert create reads every option")
    func certCreateOptions() throws {
        let command = try #require(
            try Shaken.parseAsRoot([
                "cert", "create", "--profile", "sca", "--key", "k.pem", "--issuer", "i.pem", "--issuer-key", "ik.pem",
                "--subject-cn", "SHAKEN 1234 SCA", "--org", "Telco", "--spc", "1234", "--tn", "12025550100",
                "--range", "12025550100:100", "--crl-url", "https://crl.example/x.crl", "--crl-issuer-cn", "PA",
                "--crl-issuer-org", "STI-PA", "--days", "30", "--out", "o.pem",
            ]) as? CertCreateCommand
        )
        #expect(command.profile == .sca)
        #expect(command.entries.spc == ["1234"])
        #expect(command.entries.range == ["12025550100:100"])
        #expect(command.days == 30)
        #expect(command.crlIssuerCountry == "US")
    }

    @Test("passport verify collects repeated options")
    func verifyOptions() throws {
        let command = try #require(
            try Shaken.parseAsRoot([
                "passport", "verify", "--identity", "a", "--identity", "b", "--chain", "c", "--trust", "t",
                "--crl", "1.crl", "--crl", "2.crl", "--crl-signer", "pa.pem", "--dest", "1", "--dest", "2",
                "--now", "1700000000", "--freshness", "30", "--json",
            ]) as? PassportVerifyCommand
        )
        #expect(command.identity == ["a", "b"])
        #expect(command.crl.count == 2)
        #expect(command.dest == ["1", "2"])
        #expect(command.now == 1_700_000_000)
        #expect(command.output.json)
    }

    @Test(
        "Invalid command lines are rejected by the parser",
        arguments: [
            ["passport", "sign", "--key", "k", "--x5u", "u", "--orig", "1", "--dest", "2", "--attest", "D"],
            ["passport", "sign", "--key", "k", "--x5u", "u", "--orig", "1", "--attest", "A"],
            ["cert", "create", "--profile", "bogus", "--key", "k", "--subject-cn", "c", "--org", "o"],
            ["cert", "create", "--profile", "sp", "--key", "k", "--subject-cn", "c", "--org", "o"],
            ["cert", "create", "--profile", "root", "--key", "k", "--issuer", "i", "--issuer-key", "k",
             "--subject-cn", "c", "--org", "o"],
            ["tnauthlist", "encode"],
            ["passport", "verify", "--chain", "c", "--trust", "t"],
            ["crl", "create", "--issuer", "i", "--issuer-key", "k", "--indirect", "--revoke", "01"],
        ]
    )
    func rejects(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try Shaken.parseAsRoot(arguments) }
    }
}
