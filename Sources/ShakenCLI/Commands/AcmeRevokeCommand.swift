import ArgumentParser
import Foundation
import HTTPClient

/// `shaken acme revoke --name NAME`: revokes a certificate kept in `--dir` with the account key
/// (RFC 8555 §7.6).
struct AcmeRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a certificate kept in the key directory.")

    @OptionGroup var server: AcmeServerOptions
    @Option(name: .long, help: "The certificate's name in the key directory (e.g. delegate).")
    var name: String = "delegate"
    @Option(name: .long, help: "An RFC 5280 reason code.")
    var reason: Int?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let store = try ACMEKeyStore(directory: server.dir)
        guard let key = try store.accountKey() else { throw ShakenCLIError(.fileUnreadable, "no account key in \(server.dir)") }
        guard let certificate = try store.chain(named: name)?.first else {
            throw ShakenCLIError(.fileUnreadable, "no certificate named \(name) in \(server.dir)")
        }
        let transport = try HTTPSClient(configuration: .init(trustRoots: try .pemFile(server.trust)))
        let client = ACMEClient(configuration: .init(directoryURL: server.server), accountKey: key, accountURL: try store.accountURL(), transport: transport)
        do {
            try await client.revoke(certificate, reason: reason)
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
        let serial = Hex.encode(certificate.serialNumber.bytes)
        if output.json {
            CommandOutput.json(.object([.init("revoked", .string(serial))]))
            return
        }
        CommandOutput.line("Revoked \(serial)")
    }
}
