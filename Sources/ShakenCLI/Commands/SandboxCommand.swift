import App
import ArgumentParser
import Crypto
import Foundation

/// `shaken sandbox [--data DIR]`: STI-PA, STI-CA, one provider's STI-SCA and STI-CR on localhost over
/// HTTPS with SQLite under DIR (issue item 9). A second start on the same directory resumes.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run STI-PA, STI-CA, an STI-SCA and STI-CR on localhost over HTTPS (Ctrl-C stops).",
        discussion: "Creates the data directory on first start (keys, ports, demo accounts, endpoints.json) and resumes it afterwards."
    )

    /// The default data directory.
    static let defaultDataDirectory = ".shaken-sandbox"

    @Option(name: .long, help: "The data directory (created if absent).")
    var data: String = SandboxCommand.defaultDataDirectory
    @Option(name: .long, help: "The listening address.")
    var host: String = "127.0.0.1"
    @Option(name: .long, help: "The first of four consecutive ports (default: free ports picked on first start).")
    var port: Int?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        var configuration = SandboxConfiguration(dataDirectory: data, host: host)
        configuration.faultInjection = try SandboxFaultInjection.from(environment: ProcessInfo.processInfo.environment)
        if let port {
            guard (1...65_532).contains(port) else { throw ShakenCLIError(.invalidArgument, "--port must be between 1 and 65532") }
            configuration.ports = .init(policyAdministrator: port, certificationAuthority: port + 1, subordinateAuthority: port + 2, repository: port + 3)
        }
        let json = output.json
        let sink = CommandOutput.current
        let sandbox = Sandbox(configuration: configuration, environment: Self.systemEnvironment) { line in
            if json { sink.standardError(line + "\n") } else { sink.standardOutput(line + "\n") }
        }
        try await sandbox.run(handlingSignals: true) { endpoints in
            guard json, let text = try? endpoints.json() else { return }
            sink.standardOutput(String(decoding: text, as: UTF8.self) + "\n")
        }
    }

    /// The system clock, CSPRNG and key generation.
    static var systemEnvironment: SandboxEnvironment {
        SandboxEnvironment(
            now: { Date() },
            random: {
                var generator = SystemRandomNumberGenerator()
                return generator.next()
            },
            makeKey: { P256.Signing.PrivateKey() }
        )
    }
}
