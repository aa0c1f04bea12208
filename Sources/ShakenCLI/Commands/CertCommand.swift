import ArgumentParser

/// `shaken cert`: STI certificates (ATIS-1000080 v005 §6.4.1, ATIS-1000092, RFC 9060 §4).
struct CertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Create, inspect and lint STI certificates.",
        subcommands: [CertCreateCommand.self, CertInspectCommand.self, CertLintCommand.self]
    )
}
