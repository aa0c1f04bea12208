import ArgumentParser
import CertificateRevocation
import Foundation
import X509

/// `shaken crl create`: a signed v2 CRL with ``CRLBuilder`` (RFC 5280 §5.1, §5.2); `--indirect` marks the
/// issuingDistributionPoint indirectCRL and names the revoked certificates' issuer in each entry
/// (RFC 5280 §5.3.3), as the STI-PA does for STI-SCA certificates.
struct CRLCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Sign a CRL.",
        discussion: "--revoke takes SERIALHEX or SERIALHEX:reason (a reason name such as keyCompromise, or its number)."
    )

    @Option(name: .long, help: "The CRL signer's certificate.")
    var issuer: String
    @Option(name: .long, help: "The CRL signer's private key.")
    var issuerKey: String
    @Option(name: .long, help: "A serial to revoke, SERIALHEX[:reason] (repeatable).")
    var revoke: [String] = []
    @Option(name: .long, help: "Days until nextUpdate.")
    var days = 7
    @Option(name: .long, help: "The CRL number (default: the current time in seconds).")
    var number: UInt64?
    @Flag(name: .long, help: "An indirect CRL: entries name the certificate issuer.")
    var indirect = false
    @Option(name: .long, help: "The revoked certificates' issuer CN (indirect CRLs).")
    var certificateIssuerCn: String?
    @Option(name: .long, help: "The revoked certificates' issuer organization (indirect CRLs).")
    var certificateIssuerOrg: String?
    @Option(name: .long, help: "The revoked certificates' issuer country (indirect CRLs).")
    var certificateIssuerCountry = "US"
    @Option(name: .long, help: "Take the revoked certificates' issuer name from this certificate (indirect CRLs).")
    var certificateIssuerCert: String?
    @Option(name: .long, help: "Write the PEM CRL to this file.")
    var out: String?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard days > 0 else { throw ValidationError("--days must be positive") }
        let namesIssuer = certificateIssuerCn != nil || certificateIssuerCert != nil
        if indirect, !namesIssuer, !revoke.isEmpty {
            throw ValidationError("--indirect needs --certificate-issuer-cn/--certificate-issuer-org or --certificate-issuer-cert")
        }
        if namesIssuer, !indirect { throw ValidationError("--certificate-issuer-* only applies with --indirect") }
        if certificateIssuerCn != nil, certificateIssuerOrg == nil {
            throw ValidationError("--certificate-issuer-cn needs --certificate-issuer-org")
        }
    }

    func run() async throws {
        let signer = try InputFiles.certificate(issuer)
        let key = try InputFiles.signingKey(issuerKey)
        guard key.publicKey == signer.publicKey else {
            throw ShakenCLIError(.invalidKey, "\(issuerKey): this key does not belong to the certificate in \(issuer)")
        }
        var certificateIssuer: DistinguishedName?
        if let certificateIssuerCert {
            certificateIssuer = try InputFiles.certificate(certificateIssuerCert).subject
        } else if let certificateIssuerCn, let certificateIssuerOrg {
            certificateIssuer = try ArgumentValues.distinguishedName(
                cn: certificateIssuerCn, org: certificateIssuerOrg, country: certificateIssuerCountry
            )
        }
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        var entries: [RevokedCertificate] = []
        for text in revoke {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard let serialText = parts.first else { throw ShakenCLIError(.invalidArgument, "--revoke '\(text)' is empty") }
            entries.append(
                RevokedCertificate(
                    serialNumber: try ArgumentValues.serialNumber(serialText),
                    revocationDate: now,
                    reason: try parts.count > 1 ? ArgumentValues.revocationReason(parts[1]) : nil,
                    certificateIssuer: certificateIssuer
                )
            )
        }
        let crl = try CRLBuilder(
            signer: signer,
            thisUpdate: now,
            nextUpdate: now.addingTimeInterval(TimeInterval(days) * 86_400),
            crlNumber: CRLNumber(number ?? UInt64(now.timeIntervalSince1970)),
            revokedCertificates: entries,
            issuingDistributionPoint: indirect ? try IssuingDistributionPoint(indirectCRL: true) : nil
        ).sign(with: key)
        let pem = try crl.serializeAsPEM().pemString
        if let out { try InputFiles.write(pem + "\n", to: out) }
        if output.json {
            CommandOutput.json(
                .object([
                    .init("file", .optional(out)), .init("crlPEM", .string(pem)),
                    .init("issuer", .string(crl.issuer.description)), .init("entries", .integer(Int64(crl.count))),
                ])
            )
        } else if let out {
            CommandOutput.diagnostic("CRL by \(crl.issuer) with \(crl.count) entr\(crl.count == 1 ? "y" : "ies") written to \(out)")
        } else {
            CommandOutput.line(pem)
        }
    }
}
