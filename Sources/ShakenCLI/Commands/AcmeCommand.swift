import ArgumentParser

/// `shaken acme`: an ACME client for the STI-CA and STI-SCA (RFC 8555; RFC 9447, RFC 9448; issue item 7),
/// keeping keys and certificates in a directory.
struct AcmeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acme",
        abstract: "Obtain and revoke STI certificates over ACME.",
        subcommands: [
            AcmeDelegateCommand.self, AcmeCertificateCommand.self, AcmeRenewCommand.self, AcmeAccountCommand.self, AcmeRevokeCommand.self,
        ]
    )
}
