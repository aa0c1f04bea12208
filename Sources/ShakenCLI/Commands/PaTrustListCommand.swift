import ArgumentParser
import Crypto
import HTTPClient
import PolicyAdministration
import X509

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
