import ArgumentParser

/// `shaken pa`: STI-PA operator commands over the admin routes (spec digest §4.4-§4.6; issue item 2).
struct PaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pa", abstract: "Operate the STI-PA: accounts, users, revocations, the trust list.",
        subcommands: [PaAccountCommand.self, PaUserCommand.self, PaRevokeCommand.self, PaTrustListCommand.self]
    )
}
