import ArgumentParser
import Crypto
import Foundation
import HTTPClient

/// `shaken acme account create|show`: an ACME account (RFC 8555 §7.3) whose key lives in `--dir`.
struct AcmeAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create or show the ACME account of a key directory.",
        subcommands: [Create.self, Show.self]
    )

    /// `create`: newAccount with a key created in `--dir` when absent.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Register (or find) the account.")
        @OptionGroup var server: AcmeServerOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            try await AcmeAccountCommand.register(server, onlyReturnExisting: false, json: output.json)
        }
    }

    /// `show`: newAccount with `onlyReturnExisting` (§7.3.1).
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Look up the existing account.")
        @OptionGroup var server: AcmeServerOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            try await AcmeAccountCommand.register(server, onlyReturnExisting: true, json: output.json)
        }
    }

    static func register(_ options: AcmeServerOptions, onlyReturnExisting: Bool, json: Bool) async throws {
        let store = try ACMEKeyStore(directory: options.dir)
        if onlyReturnExisting, try store.accountKey() == nil {
            throw ShakenCLIError(.fileUnreadable, "no account key in \(options.dir); run `shaken acme account create` first")
        }
        let key = try store.loadOrCreateAccountKey { P256.Signing.PrivateKey() }
        let transport = try HTTPSClient(configuration: .init(trustRoots: try .pemFile(options.trust)))
        let client = ACMEClient(configuration: .init(directoryURL: options.server), accountKey: key, transport: transport)
        let account: ACMEAccountResource
        do {
            account = try await client.register(onlyReturnExisting: onlyReturnExisting)
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
        try store.saveAccountURL(account.url)
        if json {
            CommandOutput.json(.object([.init("url", .string(account.url)), .init("status", .string(account.status)), .init("created", .bool(account.created))]))
            return
        }
        CommandOutput.line("Account: \(account.url) (\(account.status)\(account.created ? ", created" : ""))")
    }
}
