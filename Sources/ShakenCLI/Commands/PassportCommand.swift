import ArgumentParser

/// `shaken passport`: PASSporTs in SIP Identity headers (RFC 8225, RFC 8224 §4.1, RFC 8588).
struct PassportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passport",
        abstract: "Sign, verify and decode PASSporTs (SIP Identity header values).",
        subcommands: [PassportSignCommand.self, PassportVerifyCommand.self, PassportDecodeCommand.self]
    )
}
