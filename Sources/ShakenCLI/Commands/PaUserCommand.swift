import ArgumentParser
import Foundation

/// `shaken pa user create`: a portal user of an account.
struct PaUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Create a portal user.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a portal user of an account.")
        @OptionGroup var server: PaServerOptions
        @Option(name: .long, help: "The account ID.") var account: String
        @Option(name: .long, help: "The user ID.") var user: String
        @Option(name: .long, help: "The password (12 to 256 characters).") var password: String
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let path = "/admin/v1/accounts/" + (account.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? account) + "/users"
            let answer = try await server.post(path, [.init("password", .string(password)), .init("userId", .string(user))])
            PaOutput.print(answer, json: output.json, text: "User \(user) created for \(account)")
        }
    }
}
