import ArgumentParser
import STIRCertificates

/// `shaken cert lint FILE`: runs the profile rules of ``STICertificateLinter`` (ATIS-1000080 v005 §6.4.1,
/// ATIS-1000092, RFC 9060 §4) and fails when any finding is an error.
struct CertLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a certificate against its STI profile; exit 1 on any error finding."
    )

    @Argument(help: "A PEM certificate (the first of a bundle is linted).")
    var file: String
    @Option(name: .long, help: "The issuer certificate (enables AKI, issuer-name and scope rules).")
    var issuer: String?
    @Option(name: .long, help: "The profile to check against (default: classified from the certificate).")
    var profile: ProfileArgument?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let bundle = try InputFiles.certificates(file)
        let certificate = bundle[0]
        let issuerCertificate = try issuer.map(InputFiles.certificate) ?? CertInspectCommand.issuer(of: certificate, in: bundle)
        let resolved = profile?.profile ?? STICertificateProfile.classify(certificate, issuer: issuerCertificate)
        let findings = STICertificateLinter().lint(certificate, issuer: issuerCertificate, profile: resolved)
        let errors = findings.filter { $0.level == .error }.count
        if output.json {
            CommandOutput.json(
                .object([
                    .init("subject", .string(certificate.subject.description)),
                    .init("profile", .string(ProfileArgument.name(of: resolved))),
                    .init("issuerKnown", .bool(issuerCertificate != nil)),
                    .init(
                        "findings",
                        .array(
                            findings.map { finding in
                                .object([
                                    .init("rule", .string(finding.rule)), .init("level", .string(finding.level.description)),
                                    .init("message", .string(finding.message)), .init("source", .string(finding.source)),
                                ])
                            }
                        )
                    ),
                    .init("errors", .integer(Int64(errors))),
                ])
            )
        } else {
            CommandOutput.line("\(certificate.subject) as \(ProfileArgument.name(of: resolved)): \(findings.count) finding(s)")
            for finding in findings {
                CommandOutput.line("\(finding.level) \(finding.rule): \(finding.message) [\(finding.source)]")
            }
            if issuerCertificate == nil { CommandOutput.line("note: no issuer given; issuer-dependent rules were not run") }
        }
        guard errors == 0 else {
            throw ShakenCLIError(.checkFailed, "\(file): \(errors) lint error(s)")
        }
    }
}
