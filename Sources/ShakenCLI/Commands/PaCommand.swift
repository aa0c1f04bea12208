import App
import ArgumentParser
import Crypto
import Foundation
import HTTPClient
import JOSE
import PolicyAdministration
import X509

/// `shaken pa`: STI-PA operator commands over the admin routes (spec digest §4.4-§4.6; issue item 2).
struct PaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pa", abstract: "Operate the STI-PA: accounts, users, revocations, the trust list.",
        subcommands: [PaAccountCommand.self, PaUserCommand.self, PaRevokeCommand.self, PaTrustListCommand.self]
    )
}

/// Where the STI-PA is and the operator secret: from a sandbox's endpoints.json, or given.
struct PaServerOptions: ParsableArguments {
    @Option(name: .long, help: "A sandbox data directory to read endpoints.json from.")
    var sandbox: String = SandboxCommand.defaultDataDirectory
    @Option(name: .long, help: "The STI-PA base URL (default: the sandbox's).")
    var server: String?
    @Option(name: .long, help: "The TLS root to trust, PEM (default: the sandbox's).")
    var trust: String?
    @Option(name: .long, help: "The operator secret (default: the sandbox's).")
    var adminSecret: String?

    struct Resolved {
        let server: String
        let trust: String
        let adminSecret: String
        let trustListSigner: String?
    }

    func resolve() throws -> Resolved {
        if let server, let trust, let adminSecret {
            return Resolved(server: server, trust: trust, adminSecret: adminSecret, trustListSigner: nil)
        }
        let endpoints = try SandboxEndpoints.load(dataDirectory: sandbox)
        return Resolved(
            server: server ?? endpoints.policyAdministrator, trust: trust ?? endpoints.tlsRootPath,
            adminSecret: adminSecret ?? endpoints.adminSecret, trustListSigner: endpoints.trustListSignerPath
        )
    }

    /// POSTs `members` as JSON to `path` with the operator secret and returns the response object.
    func post(_ path: String, _ members: [JSONObject.Member]) async throws -> JSONObject {
        let resolved = try resolve()
        let transport = try HTTPSClient(configuration: .init(trustRoots: try .pemFile(resolved.trust)))
        let response: HTTPSResponse
        do {
            response = try await transport.send(HTTPSRequest(
                method: "POST", url: resolved.server + path,
                headers: [HTTPHeaderField("Content-Type", "application/json"), HTTPHeaderField("Authorization", "Bearer " + resolved.adminSecret)],
                body: CanonicalJSON.encode(.object(try JSONObject(members)))
            ))
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
        let object = (try? StrictJSONParser().parse(response.body))?.objectValue
        guard (200...299).contains(response.status), let object else {
            let message = object?["message"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            throw ShakenCLIError(.checkFailed, "the STI-PA answered \(response.status): \(message)")
        }
        return object
    }
}

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

/// `shaken pa revoke --certificate FILE`: puts an SP or STI-SCA certificate on the SHAKEN CRL (spec digest §4.6).
struct PaRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a certificate on the SHAKEN CRL.")
    @OptionGroup var server: PaServerOptions
    @Option(name: .long, help: "The certificate, PEM (the first of a chain).") var certificate: String
    @Option(name: .long, help: "An RFC 5280 reason code.") var reason: Int?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        guard let first = try InputFiles.certificates(certificate).first else {
            throw ShakenCLIError(.invalidCertificate, "\(certificate) holds no certificate")
        }
        let pem = try first.serializeAsPEM().pemString
        var members: [JSONObject.Member] = [.init("certificate", .string(pem))]
        if let reason { members.append(.init("reason", .integer(Int64(reason)))) }
        let answer = try await server.post("/admin/v1/revocations", members)
        PaOutput.print(answer, json: output.json, text: "Revoked; CRL number \(answer["crlNumber"]?.stringValue ?? "?")")
    }
}

/// `shaken pa trust-list`: fetches and verifies the signed CA trust list (`GET /api/v1/ca-list`).
struct PaTrustListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trust-list", abstract: "Show the verified CA trust list.")
    @OptionGroup var server: PaServerOptions
    @Option(name: .long, help: "The trust list signer certificate, PEM (default: the sandbox's).") var signer: String?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let resolved = try server.resolve()
        guard let signerPath = signer ?? resolved.trustListSigner else { throw ShakenCLIError(.invalidArgument, "--signer is needed without a sandbox") }
        let certificate = try InputFiles.certificate(signerPath)
        guard let key = P256.Signing.PublicKey(certificate.publicKey) else { throw ShakenCLIError(.invalidKey, "the signer key is not P-256") }
        let transport = try HTTPSClient(configuration: .init(trustRoots: try .pemFile(resolved.trust)))
        let list: CATrustList
        do {
            list = try await STIPAClient(baseURL: resolved.server, transport: transport).fetchTrustList(signingKey: key)
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
        let subjects = list.roots.map { "\($0.subject)" }
        if output.json {
            CommandOutput.json(.object([.init("sequence", .integer(list.sequence)), .init("roots", .array(subjects.map { .string($0) }))]))
            return
        }
        CommandOutput.line("Sequence: \(list.sequence)")
        for subject in subjects { CommandOutput.line("  \(subject)") }
    }
}

enum PaOutput {
    static func print(_ answer: JSONObject, json: Bool, text: String) {
        if json {
            CommandOutput.json(JSONOutput(.object(answer)))
        } else {
            CommandOutput.line(text)
        }
    }
}
