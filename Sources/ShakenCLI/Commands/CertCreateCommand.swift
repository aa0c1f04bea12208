import ArgumentParser
import Foundation
import STIRCertificates
import X509

/// `shaken cert create`: issues a certificate of one STI profile with ``STICertificateBuilder``, which lints
/// before it signs (ATIS-1000080 v005 §6.4.1, ATIS-1000092 §5.3.6, RFC 9060 §4).
struct CertCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Issue a certificate (linted before signing).",
        discussion: """
            Profiles: root (self-signed STI-CA root), intermediate (STI-CA), sp (SHAKEN service provider, one SPC), \
            sca (STI-SCA CA with a TNAuthList), delegate (delegate end entity), delegate-ca (sub-delegating CA), \
            crl-signer (self-signed STI-PA CRL signer with cRLSign, for indirect CRLs).
            """
    )

    @Option(name: .long, help: "The certificate profile.")
    var profile: ProfileArgument
    @Option(name: .long, help: "The subject's key (private key PEM, PUBLIC KEY PEM, or certificate).")
    var key: String
    @Option(name: .long, help: "The issuer certificate (all profiles except root).")
    var issuer: String?
    @Option(name: .long, help: "The issuer's private key.")
    var issuerKey: String?
    @Option(name: .long, help: "The subject common name.")
    var subjectCn: String
    @Option(name: .long, help: "The subject organization.")
    var org: String
    @Option(name: .long, help: "The subject country (ISO 3166-1 alpha-2).")
    var country = "US"
    @OptionGroup var entries: TNAuthListOptions
    @Option(name: .long, help: "The CRL distribution point URL.")
    var crlUrl: String?
    @Option(name: .long, help: "The indirect CRL issuer's common name (the STI-PA CRL signer).")
    var crlIssuerCn: String?
    @Option(name: .long, help: "The indirect CRL issuer's organization.")
    var crlIssuerOrg: String?
    @Option(name: .long, help: "The indirect CRL issuer's country.")
    var crlIssuerCountry = "US"
    @Option(name: .long, help: "Take the indirect CRL issuer name from this certificate.")
    var crlIssuerCert: String?
    @Option(name: .long, help: "Validity in days.")
    var days = 365
    @Option(name: .long, help: "basicConstraints pathLenConstraint (CA profiles).")
    var pathLength: Int?
    @Option(name: .long, help: "SHAKEN certificate policy version.")
    var policy: PolicyArgument = .v1_4
    @Option(name: .long, help: "Write the PEM certificate to this file.")
    var out: String?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if profile == .root || profile == .crlSigner {
            guard issuer == nil, issuerKey == nil else { throw ValidationError("\(profile.rawValue) is self-signed: omit --issuer") }
        } else {
            guard issuer != nil, issuerKey != nil else { throw ValidationError("--issuer and --issuer-key are required") }
        }
        guard days > 0 else { throw ValidationError("--days must be positive") }
        if crlIssuerCn != nil, crlIssuerOrg == nil { throw ValidationError("--crl-issuer-cn needs --crl-issuer-org") }
        if crlIssuerCn != nil || crlIssuerCert != nil, crlUrl == nil {
            throw ValidationError("an indirect CRL issuer needs --crl-url")
        }
    }

    func run() async throws {
        let issuerChoice: STICertificateBuilder.Issuer
        let publicKey: Certificate.PublicKey
        if let issuer, let issuerKey {
            issuerChoice = .certificate(try InputFiles.certificate(issuer), privateKey: try InputFiles.signingKey(issuerKey))
            publicKey = try InputFiles.publicKey(key)
        } else {
            let signingKey = try InputFiles.signingKey(key)
            issuerChoice = .selfSigned(signingKey)
            publicKey = signingKey.publicKey
        }
        var crlIssuer: DistinguishedName?
        if let crlIssuerCert {
            crlIssuer = try InputFiles.certificate(crlIssuerCert).subject
        } else if let crlIssuerCn, let crlIssuerOrg {
            crlIssuer = try ArgumentValues.distinguishedName(cn: crlIssuerCn, org: crlIssuerOrg, country: crlIssuerCountry)
        }
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let subject = try ArgumentValues.distinguishedName(cn: subjectCn, org: org, country: country)
        guard let stiProfile = profile.profile else {
            let signerKey = try InputFiles.signingKey(key)
            var generator = SystemRandomNumberGenerator()
            let certificate = try STICertificateBuilder.issueCRLSigner(
                subject: subject, privateKey: signerKey, notValidBefore: now,
                notValidAfter: now.addingTimeInterval(TimeInterval(days) * 86_400), using: &generator
            )
            try emit(certificate)
            return
        }
        let request = STICertificateRequest(
            profile: stiProfile,
            subject: subject,
            publicKey: publicKey,
            tnAuthList: try entries.list(),
            notValidBefore: now,
            notValidAfter: now.addingTimeInterval(TimeInterval(days) * 86_400),
            crlDistributionPointURL: crlUrl,
            crlIssuer: crlIssuer,
            policy: policy.oid,
            maxPathLength: pathLength
        )
        try emit(try Self.issue(request, issuer: issuerChoice))
    }

    private func emit(_ certificate: Certificate) throws {
        let pem = try certificate.serializeAsPEM().pemString
        if let out { try InputFiles.write(pem + "\n", to: out) }
        if output.json {
            let facts = CertificatePresentation(certificate: certificate, issuer: nil)
            CommandOutput.json(
                .object([
                    .init("file", .optional(out)), .init("certificatePEM", .string(pem)),
                    .init("subject", .string(certificate.subject.description)),
                    .init("serialNumber", .string(Hex.encode(certificate.serialNumber.bytes))),
                    .init("profile", .string(profile.rawValue)),
                    .init("sha256Fingerprint", .string(CertificatePresentation.fingerprint(certificate))),
                    .init("notAfter", .string(CertificatePresentation.timestamp(facts.certificate.notValidAfter))),
                ])
            )
        } else if let out {
            CommandOutput.diagnostic("\(profile.rawValue) certificate for \(certificate.subject) written to \(out)")
        } else {
            CommandOutput.line(pem)
        }
    }

    /// Issues with the system CSPRNG for the serial (the CLI is the composition root); lint errors are
    /// printed one per line and end the command with a check failure.
    static func issue(_ request: STICertificateRequest, issuer: STICertificateBuilder.Issuer) throws -> Certificate {
        var generator = SystemRandomNumberGenerator()
        do {
            return try STICertificateBuilder().issue(request, issuer: issuer, using: &generator)
        } catch let error as STIRCertificatesError where error.code == .lintFailed {
            for finding in error.findings where finding.level == .error {
                CommandOutput.diagnostic("lint \(finding.level) \(finding.rule): \(finding.message) [\(finding.source)]")
            }
            throw ShakenCLIError(.checkFailed, "the certificate fails its profile; nothing was issued (\(error.reason))")
        } catch let error as STIRCertificatesError {
            throw ShakenCLIError(.invalidArgument, "cannot issue the certificate: \(error.reason)")
        }
    }
}
