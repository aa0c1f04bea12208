import ArgumentParser
import X509

/// `shaken cert inspect FILE`: the facts of each certificate of a PEM file or bundle (RFC 5280 §4.1,
/// RFC 8226 §9); JSON shape documented on ``CertificatePresentation``. One certificate gives one JSON object,
/// a bundle a JSON array of them.
struct CertInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a certificate or each certificate of a PEM bundle."
    )

    @Argument(help: "A PEM certificate or bundle.")
    var file: String
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let certificates = try InputFiles.certificates(file)
        let presentations = certificates.map { certificate in
            CertificatePresentation(certificate: certificate, issuer: Self.issuer(of: certificate, in: certificates))
        }
        if output.json {
            CommandOutput.json(presentations.count == 1 ? presentations[0].json : .array(presentations.map(\.json)))
            return
        }
        for (index, presentation) in presentations.enumerated() {
            if presentations.count > 1 { CommandOutput.line("Certificate \(index + 1) of \(presentations.count)") }
            presentation.lines.forEach { CommandOutput.line($0) }
            if index < presentations.count - 1 { CommandOutput.line() }
        }
    }

    /// The issuer of `certificate` among `candidates`: another certificate whose subject is its issuer name.
    static func issuer(of certificate: Certificate, in candidates: [Certificate]) -> Certificate? {
        guard certificate.issuer != certificate.subject else { return nil }
        return candidates.first { $0.subject == certificate.issuer && $0 != certificate }
    }
}
