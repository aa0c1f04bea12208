import Foundation
import Testing

/// A PKI made only through `shaken` commands in a temporary directory.
struct CLIPKI {
    let directory: TemporaryDirectory
    static let x5u = "https://certs.enterprise.example/delegate.pem"

    func path(_ name: String) -> String { directory.path(name) }

    /// Runs a command that must succeed.
    @discardableResult
    func must(_ arguments: [String]) async throws -> CLIResult {
        let result = await shaken(arguments)
        try #require(result.status == 0, "shaken \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        return result
    }

    static func make() async throws -> CLIPKI {
        let pki = CLIPKI(directory: try TemporaryDirectory())
        for name in ["pa", "root", "inter", "sp", "sca", "deleg", "dca", "other"] {
            try await pki.must(["key", "generate", "--out", pki.path("\(name).key")])
        }
        let paCRL = ["--crl-url", "https://crl.sti-pa.example/pa.crl", "--crl-issuer-cert", pki.path("pa.pem")]
        try await pki.must(["cert", "create", "--profile", "crl-signer", "--key", pki.path("pa.key"),
                            "--subject-cn", "STI-PA CRL Signer", "--org", "STI-PA", "--out", pki.path("pa.pem")])
        try await pki.must(["cert", "create", "--profile", "root", "--key", pki.path("root.key"),
                            "--subject-cn", "SHAKEN ROOT Test", "--org", "Test CA", "--days", "3650", "--out", pki.path("root.pem")])
        try await pki.must(["cert", "create", "--profile", "root", "--key", pki.path("other.key"),
                            "--subject-cn", "SHAKEN ROOT Other", "--org", "Other CA", "--out", pki.path("other.pem")])
        try await pki.must(["cert", "create", "--profile", "intermediate", "--key", pki.path("inter.key"),
                            "--issuer", pki.path("root.pem"), "--issuer-key", pki.path("root.key"),
                            "--subject-cn", "SHAKEN Intermediate Test", "--org", "Test CA", "--out", pki.path("inter.pem")] + paCRL)
        try await pki.must(["cert", "create", "--profile", "sp", "--key", pki.path("sp.key"),
                            "--issuer", pki.path("inter.pem"), "--issuer-key", pki.path("inter.key"),
                            "--subject-cn", "SHAKEN 1234", "--org", "Telco", "--spc", "1234", "--out", pki.path("sp.pem")] + paCRL)
        try await pki.must(["cert", "create", "--profile", "sca", "--key", pki.path("sca.key"),
                            "--issuer", pki.path("inter.pem"), "--issuer-key", pki.path("inter.key"),
                            "--subject-cn", "SHAKEN 5678 STI-SCA", "--org", "TNSP", "--spc", "5678",
                            "--range", "12025550100:100", "--out", pki.path("sca.pem")] + paCRL)
        try await pki.must(["cert", "create", "--profile", "delegate", "--key", pki.path("deleg.key"),
                            "--issuer", pki.path("sca.pem"), "--issuer-key", pki.path("sca.key"),
                            "--subject-cn", "Enterprise", "--org", "Enterprise Inc", "--range", "12025550110:10",
                            "--crl-url", "https://crl.tnsp.example/sca.crl", "--out", pki.path("deleg.pem")])
        try await pki.must(["cert", "create", "--profile", "delegate-ca", "--key", pki.path("dca.key"),
                            "--issuer", pki.path("sca.pem"), "--issuer-key", pki.path("sca.key"),
                            "--subject-cn", "Hosted PBX CA", "--org", "PBX", "--range", "12025550150:50",
                            "--crl-url", "https://crl.tnsp.example/sca.crl", "--out", pki.path("dca.pem")])
        try await pki.must(["crl", "create", "--issuer", pki.path("pa.pem"), "--issuer-key", pki.path("pa.key"),
                            "--indirect", "--out", pki.path("pa.crl")])
        try await pki.must(["crl", "create", "--issuer", pki.path("sca.pem"), "--issuer-key", pki.path("sca.key"),
                            "--out", pki.path("sca.crl")])
        let chain = try ["deleg.pem", "sca.pem", "inter.pem"].map { try String(contentsOfFile: pki.path($0), encoding: .utf8) }
        try chain.joined().write(toFile: pki.path("chain.pem"), atomically: true, encoding: .utf8)
        return pki
    }

    /// Signs an rcd-free SHAKEN PASSporT with the delegate key.
    func sign(orig: String = "12025550112", dest: String = "13035550123") async throws -> String {
        try await must(["passport", "sign", "--key", path("deleg.key"), "--x5u", Self.x5u, "--orig", orig,
                        "--dest", dest, "--attest", "A"]).trimmedOutput
    }

    /// `passport verify` with the standard trust material and `extra` arguments.
    func verify(_ identity: String, trust: String = "root.pem", crls: [String] = ["pa.crl", "sca.crl"],
                orig: String = "12025550112", extra: [String] = []) async -> CLIResult {
        var arguments = ["passport", "verify", "--identity", identity, "--chain", path("chain.pem"),
                         "--trust", path(trust), "--crl-signer", path("pa.pem"), "--orig", orig,
                         "--dest", "13035550123", "--json"]
        for crl in crls { arguments += ["--crl", path(crl)] }
        return await shaken(arguments + extra)
    }
}
