import ArgumentParser
import JOSE
import X509

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
