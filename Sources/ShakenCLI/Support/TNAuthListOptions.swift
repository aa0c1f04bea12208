import ArgumentParser
import TNAuthList

/// The TNAuthList entries of a command line (RFC 8226 §9): `--spc CODE`, `--tn NUMBER` and
/// `--range START:COUNT`, each repeatable, in that order in the list.
struct TNAuthListOptions: ParsableArguments {
    @Option(name: .long, help: "A service provider code TNAuthList entry (repeatable).")
    var spc: [String] = []
    @Option(name: .long, help: "A telephone number TNAuthList entry (repeatable).")
    var tn: [String] = []
    @Option(name: .long, help: "A TNAuthList range START:COUNT (repeatable).")
    var range: [String] = []

    /// Whether no entry was given.
    var isEmpty: Bool { spc.isEmpty && tn.isEmpty && range.isEmpty }

    /// The list, or `nil` when no entry was given.
    ///
    /// - Throws: ``ShakenCLIError`` naming the option whose value is not valid.
    func list() throws(ShakenCLIError) -> TNAuthorizationList? {
        try ArgumentValues.tnAuthList(spc: spc, tn: tn, range: range)
    }
}
