import App
import ArgumentParser
import Crypto
import Foundation

/// `shaken sandbox [--data DIR] [--database URL [--database-schema-prefix PREFIX]]`: STI-PA, STI-CA, one
/// provider's STI-SCA and STI-CR on localhost over HTTPS with SQLite under DIR, or on PostgreSQL
/// (issue items 1 and 9). A second start on the same directory resumes, on the database it recorded.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run STI-PA, STI-CA, an STI-SCA and STI-CR on localhost over HTTPS (Ctrl-C stops).",
        discussion: """
            Creates the data directory on first start (keys, ports, demo accounts, endpoints.json) and resumes it afterwards. \
            The authorities keep their records in SQLite under the data directory, or with --database in the schemas \
            <prefix>_pa, <prefix>_ca and <prefix>_sca of a PostgreSQL database; the data directory records the choice, \
            so later starts need no --database, and refuse a different one.
            """
    )

    /// The default data directory.
    static let defaultDataDirectory = ".shaken-sandbox"

    @Option(name: .long, help: "The data directory (created if absent).")
    var data: String = SandboxCommand.defaultDataDirectory
    @Option(name: .long, help: "The listening address.")
    var host: String = "127.0.0.1"
    @Option(name: .long, help: "The first of four consecutive ports (default: free ports picked on first start).")
    var port: Int?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL database for the authorities' records (default: SQLite under the data directory).",
            valueName: "postgres://user:password@host:port/database"
        )
    )
    var database: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --database: the schemas are <prefix>_pa, <prefix>_ca and <prefix>_sca (default: \(SandboxDatabase.defaultSchemaPrefix)).",
            valueName: "prefix"
        )
    )
    var databaseSchemaPrefix: String?
    @OptionGroup var output: JSONFlag

    /// The sandbox configuration the options give.
    ///
    /// - Throws: ``ShakenCLIError`` with `invalidArgument` for a port out of range or a schema prefix
    ///   without a database.
    func sandboxConfiguration(environment: [String: String]) throws -> SandboxConfiguration {
        var configuration = SandboxConfiguration(dataDirectory: data, host: host)
        configuration.faultInjection = try SandboxFaultInjection.from(environment: environment)
        if let port {
            guard (1...65_532).contains(port) else { throw ShakenCLIError(.invalidArgument, "--port must be between 1 and 65532") }
            configuration.ports = .init(policyAdministrator: port, certificationAuthority: port + 1, subordinateAuthority: port + 2, repository: port + 3)
        }
        if let database {
            configuration.database = SandboxDatabase(url: database, schemaPrefix: databaseSchemaPrefix ?? SandboxDatabase.defaultSchemaPrefix)
        } else if databaseSchemaPrefix != nil {
            throw ShakenCLIError(.invalidArgument, "--database-schema-prefix needs --database")
        }
        return configuration
    }

    func run() async throws {
        let configuration = try sandboxConfiguration(environment: ProcessInfo.processInfo.environment)
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
