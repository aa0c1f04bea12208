import App
import ArgumentParser
import Crypto
import Foundation
import TNAuthList

/// `shaken acme delegate --sandbox DIR --out DIR`: as the sandbox's demo enterprise, a customer token
/// from the STI-SCA and a delegate certificate over ACME (ATIS-1000092 §5.3), with everything
/// `passport sign` and `passport verify` need written next to it.
struct AcmeDelegateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegate", abstract: "Obtain a delegate certificate for the sandbox's demo enterprise."
    )

    @Option(name: .long, help: "The sandbox data directory (reads endpoints.json).")
    var sandbox: String = SandboxCommand.defaultDataDirectory
    @Option(name: .long, help: "The directory for keys, certificates, trust anchors and CRLs.")
    var out: String
    @Option(name: .long, help: "The first number of the range (default: the whole delegated range).")
    var tnStart: String?
    @Option(name: .long, help: "How many numbers from --tn-start.")
    var count: Int = 1
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let endpoints = try SandboxEndpoints.load(dataDirectory: sandbox)
        let enrollment = DelegateEnrollment(endpoints: endpoints, directory: out, makeKey: { P256.Signing.PrivateKey() })
        var list: TNAuthorizationList?
        if let tnStart {
            do {
                list = try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber(tnStart), count: count))])
            } catch {
                throw ShakenCLIError(.invalidArgument, "--tn-start/--count: \(error)")
            }
        }
        let result = try await enrollment.run(list: list)
        let leaf = result.chain.first.map { "\($0.subject)" } ?? ""
        let files = ["delegate.key", "delegate.chain.pem", "x5u.txt", "trust.pem", "sti-pa.crl", "sti-sca.crl", "crl-signer.pem"]
        if output.json {
            CommandOutput.json(
                .object([
                    .init("subject", .string(leaf)), .init("x5u", .string(result.x5u)), .init("directory", .string(result.directory)),
                    .init("files", .array(files.map { .string($0) })),
                ])
            )
            return
        }
        CommandOutput.line("Delegate certificate: \(leaf)")
        CommandOutput.line("x5u:                  \(result.x5u)")
        CommandOutput.line("Files in \(result.directory): \(files.joined(separator: ", "))")
    }
}
