import ArgumentParser

/// The `shaken` command: tools for a STIR/SHAKEN PKI with delegate certificates.
///
/// Each subcommand parses and validates its arguments, calls the library, and prints the result as text
/// or, with `--json`, as JSON.
public struct Shaken: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "shaken",
        abstract: "STIR/SHAKEN keys, certificates, CRLs and PASSporTs, with delegate certificates.",
        subcommands: [
            KeyCommand.self, TNAuthListCommand.self, CertCommand.self, CRLCommand.self, PassportCommand.self, DemoCommand.self,
            SandboxCommand.self, AcmeCommand.self, PaCommand.self,
        ]
    )

    /// Creates the command (used by the argument parser).
    public init() {}
}
