import ArgumentParser

/// `shaken crl`: certificate revocation lists (RFC 5280 §5; ATIS-1000080 §6.3.4 STI-PA CRL).
struct CRLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crl",
        abstract: "Create and inspect CRLs.",
        subcommands: [CRLCreateCommand.self, CRLInspectCommand.self]
    )
}
