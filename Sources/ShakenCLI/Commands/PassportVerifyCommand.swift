import ArgumentParser
import CertificateRevocation
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import TNAuthList
import X509

/// `shaken passport verify`: runs the STI-VS (``VerificationService``, RFC 8224 §6.2, ATIS-1000074 §5.3) on
/// Identity header values. The `--chain` file stands in for the x5u fetch: it is served for every x5u and
/// info URL the headers name. Exit status 0 only for TN-Validation-Passed.
struct PassportVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify Identity header values; exit 0 only for TN-Validation-Passed.",
        discussion: """
            Without --crl the revocation status is unknown and the call does not pass; --no-revocation-check \
            skips revocation entirely (offline use only). Without --orig/--dest the PASSporT's own claims are \
            used, which binds nothing to a real SIP request.
            """
    )

    @Option(name: .long, help: "An Identity header value (repeatable).")
    var identity: [String] = []
    @Option(name: .long, help: "The PEM chain published at x5u (leaf first).")
    var chain: String
    @Option(name: .long, help: "The trust anchors (STI-CA roots), PEM.")
    var trust: String
    @Option(name: .long, help: "A CRL, PEM or DER (repeatable).")
    var crl: [String] = []
    @Option(name: .long, help: "An STI-PA CRL signer certificate for indirect CRLs (repeatable).")
    var crlSigner: [String] = []
    @Flag(name: .long, help: "Do not check revocation at all (offline use only).")
    var noRevocationCheck = false
    @Option(name: .long, help: "The calling number of the SIP request.")
    var orig: String?
    @Option(name: .long, help: "A called number of the SIP request (repeatable).")
    var dest: [String] = []
    @Option(name: .long, help: "The verification time in seconds since the epoch (default: now).")
    var now: Int64?
    @Option(name: .long, help: "The iat tolerance in seconds.")
    var freshness = 60
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard !identity.isEmpty else { throw ValidationError("give at least one --identity") }
        guard freshness >= 0 else { throw ValidationError("--freshness must not be negative") }
        if noRevocationCheck, !crl.isEmpty { throw ValidationError("--no-revocation-check contradicts --crl") }
    }

    func run() async throws {
        let chainCertificates = try InputFiles.certificates(chain)
        let anchors = try InputFiles.certificates(trust)
        var crls: [CertificateRevocationList] = []
        for file in crl { crls.append(try InputFiles.crl(file)) }
        var signers: [Certificate] = []
        for file in crlSigner { signers.append(contentsOf: try InputFiles.certificates(file)) }
        if noRevocationCheck {
            CommandOutput.diagnostic("WARNING: --no-revocation-check: revocation is NOT checked; a revoked certificate would pass")
        }
        if !noRevocationCheck, crl.isEmpty {
            CommandOutput.diagnostic(
                "NOTE: no --crl given: revocation status is unknown, so the call cannot pass (--no-revocation-check skips it)"
            )
        }
        let time = now.map(ArgumentValues.date(seconds:)) ?? Date()
        let unverified = Self.unverifiedPASSporTs(identity)
        let published = Set(unverified.flatMap { [$0.header.x5u, $0.info].compactMap { $0 } })
        let fetcher = StaticCertificateChainFetcher(Dictionary(uniqueKeysWithValues: published.map { ($0, chainCertificates) }))
        let configuration = STITrustConfiguration(
            trustAnchors: anchors,
            crlSigners: signers,
            revocation: noRevocationCheck ? .notChecked : .required,
            crlSource: StaticCRLSource(crls)
        )
        let service = VerificationService(
            chainVerifier: STIChainVerifier(configuration: configuration),
            fetcher: fetcher,
            freshness: TimeInterval(freshness)
        )
        let shakenClaims = unverified.first { $0.header.ppt == .shaken }?.claims
        var notes: [String] = []
        let callingNumber: TelephoneNumber?
        if let orig {
            callingNumber = try ArgumentValues.telephoneNumber(orig, option: "--orig")
        } else {
            callingNumber = shakenClaims.flatMap { $0.orig.kind == .telephoneNumber ? try? TelephoneNumber($0.orig.value) : nil }
            notes.append("no --orig: orig taken from the PASSporT itself, not from a SIP request")
        }
        var calledNumbers: [TelephoneNumber] = []
        for number in dest { calledNumbers.append(try ArgumentValues.telephoneNumber(number, option: "--dest")) }
        if dest.isEmpty {
            calledNumbers = (shakenClaims?.dest.telephoneNumbers ?? []).compactMap { try? TelephoneNumber($0) }
            notes.append("no --dest: dest taken from the PASSporT itself, not from a SIP request")
        }
        let outcome = await service.verify(
            VerificationRequest(identityHeaders: identity, orig: callingNumber, dest: calledNumbers, now: time)
        )
        VerificationPresentation(outcome: outcome, cliNotes: notes).print(json: output.json)
        guard outcome.verstat == .passed else {
            let cause = outcome.failure.map { "\($0.sipStatusCode) \($0.reasonText) (\($0.rawValue))" } ?? "not passed"
            throw ShakenCLIError(.checkFailed, "\(outcome.verstat.rawValue): \(cause)")
        }
    }

    /// The parsed (unverified) header and claims of each Identity value, only to learn the x5u/info URLs to
    /// serve the chain at and, without --orig/--dest, the claimed numbers. Values that do not parse are
    /// skipped here; the verification service reports them.
    static func unverifiedPASSporTs(_ values: [String]) -> [(header: PASSporTHeader, claims: PASSporTClaims, info: String?)] {
        guard let headers = try? IdentityHeader.parseAll(values) else { return [] }
        return headers.compactMap { header in
            guard let passport = try? UnverifiedPASSporT(compact: header.token) else { return nil }
            return (passport.unverifiedHeader, passport.unverifiedClaims, header.info)
        }
    }
}
