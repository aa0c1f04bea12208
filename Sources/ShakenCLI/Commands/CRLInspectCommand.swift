import ArgumentParser
import CertificateRevocation
import Foundation

/// `shaken crl inspect FILE`: the fields of a CRL (RFC 5280 §5.1, §5.2, §5.3). The signature is not checked.
struct CRLInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show a CRL (PEM or DER).")

    @Argument(help: "A CRL in PEM or DER.")
    var file: String
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let crl = try InputFiles.crl(file)
        let entries = crl.revokedCertificates.map { entry in
            (
                serial: Hex.encode(entry.serialNumber.bytes),
                date: CertificatePresentation.timestamp(entry.revocationDate),
                reason: entry.reason.map { "\($0)" },
                issuer: entry.certificateIssuer?.description
            )
        }
        let indirect = crl.issuingDistributionPoint?.indirectCRL ?? false
        if output.json {
            CommandOutput.json(
                .object([
                    .init("issuer", .string(crl.issuer.description)),
                    .init("thisUpdate", .string(CertificatePresentation.timestamp(crl.thisUpdate))),
                    .init("nextUpdate", .optional(crl.nextUpdate.map(CertificatePresentation.timestamp))),
                    .init("crlNumber", .optional(crl.crlNumber?.description)),
                    .init("indirect", .bool(indirect)),
                    .init(
                        "revoked",
                        .array(
                            entries.map { entry in
                                .object([
                                    .init("serialNumber", .string(entry.serial)), .init("revocationDate", .string(entry.date)),
                                    .init("reason", .optional(entry.reason)), .init("certificateIssuer", .optional(entry.issuer)),
                                ])
                            }
                        )
                    ),
                    .init("signatureChecked", false),
                ])
            )
            return
        }
        CommandOutput.line("Issuer:      \(crl.issuer)")
        CommandOutput.line("This update: \(CertificatePresentation.timestamp(crl.thisUpdate))")
        CommandOutput.line("Next update: \(crl.nextUpdate.map(CertificatePresentation.timestamp) ?? "absent")")
        CommandOutput.line("CRL number:  \(crl.crlNumber?.description ?? "absent")")
        CommandOutput.line("Indirect:    \(indirect ? "yes" : "no")")
        CommandOutput.line("Revoked:     \(entries.count)")
        for entry in entries {
            let reason = entry.reason.map { " reason \($0)" } ?? ""
            let issuer = entry.issuer.map { " issuer \($0)" } ?? ""
            CommandOutput.line("  \(entry.serial) at \(entry.date)\(reason)\(issuer)")
        }
        CommandOutput.line("(signature not checked; use passport verify or the chain verifier for that)")
    }
}
