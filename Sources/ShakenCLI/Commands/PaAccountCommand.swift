import ArgumentParser
import JOSE

/// `shaken pa account create`: a service-provider account (ATIS-1000080 §6.3.2).
struct PaAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "account", abstract: "Create a service-provider account.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a service-provider account.")
        @OptionGroup var server: PaServerOptions
        @Option(name: .long, help: "The account ID.") var id: String
        @Option(name: .long, help: "The provider's name.") var name: String
        @Option(name: .long, help: "The service provider code.") var spc: String
        @Option(name: .long, help: "A TN range START:COUNT the account holds (repeatable).") var range: [String] = []
        @Flag(name: .long, help: "Allow the account to run an STI-SCA (ca:true tokens).") var sca = false
        @OptionGroup var output: JSONFlag

        func run() async throws {
            var members: [JSONObject.Member] = [.init("id", .string(id)), .init("name", .string(name)), .init("spc", .string(spc))]
            if !range.isEmpty {
                members.append(.init("tnRanges", .array(try range.map(Self.rangeJSON))))
            }
            if sca { members.append(.init("mayRunSubordinateCA", .bool(true))) }
            let answer = try await server.post("/admin/v1/accounts", members)
            PaOutput.print(answer, json: output.json, text: "Account \(answer["id"]?.stringValue ?? id) created")
        }

        static func rangeJSON(_ text: String) throws -> JSONValue {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let count = Int64(parts[1]), count > 0 else {
                throw ShakenCLIError(.invalidArgument, "--range must be START:COUNT, not \(text)")
            }
            return .object(try JSONObject([.init("count", .integer(count)), .init("start", .string(String(parts[0])))]))
        }
    }
}
