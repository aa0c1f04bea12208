import ArgumentParser

/// `shaken acme renew --name NAME`: a new key and certificate for the same TNAuthList, with the
/// settings kept by `acme certificate` and a fresh token.
struct AcmeRenewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "renew", abstract: "Renew a certificate obtained with acme certificate.")

    @Option(name: .long, help: "The key directory.")
    var dir: String
    @Option(name: .long, help: "The certificate's name in the key directory.")
    var name: String
    @Option(name: .long, help: "The login password at the token authority.")
    var password: String
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let enrollment = try AcmeEnrollment.load(directory: dir, name: name)
        let list = try enrollment.tnAuthList()
        let chain = try await enrollment.run(directory: dir, password: password, list: list)
        AcmeEnrollment.report(chain, name: name, directory: dir, json: output.json)
    }
}
