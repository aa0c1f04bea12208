import ArgumentParser
import Foundation
import PASSporT
import STIRServices
import TNAuthList

/// `shaken passport sign`: signs a PASSporT and prints the SIP Identity header value (RFC 8224 §4.1) —
/// only it, on standard output. Signing goes through the STI-AS (``AuthenticationService``), which checks the
/// x5u URL (ATIS-1000080 §6.3.1). Without `--iat` the PASSporT is issued now. An explicit `--iat` is the
/// operator's choice of signing time (test vectors, replays of recorded calls): the STI-AS signs as of that
/// time, and a note on standard error says when it lies outside the 60 s freshness window of now
/// (RFC 8224 §4.1), so that verifiers need `--now`. `ppt=shaken` (RFC 8588), `div` (RFC 8946) or `rcd` (RFC 9795).
struct PassportSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a PASSporT and print the Identity header value."
    )

    @Option(name: .long, help: "The P-256 private key of the signing certificate.")
    var key: String
    @Option(name: .long, help: "The HTTPS URL of the signing certificate chain (x5u, also the info parameter).")
    var x5u: String
    @Option(name: .long, help: "The calling number.")
    var orig: String
    @Option(name: .long, help: "A called number (repeatable).")
    var dest: [String] = []
    @Option(name: .long, help: "The attestation level (ppt=shaken).")
    var attest: AttestationArgument?
    @Option(name: .long, help: "The origination identifier (default: a random UUID).")
    var origid: String?
    @Option(name: .long, help: "The issued-at time in seconds since the epoch (default: now).")
    var iat: Int64?
    @Option(name: .long, help: "The PASSporT type.")
    var ppt: PPTArgument = .shaken
    @Option(name: .long, help: "The diverted-from number (ppt=div).")
    var div: String?
    @Option(name: .long, help: "The caller name (ppt=rcd).")
    var rcdName: String?
    @OptionGroup var output: JSONFlag

    /// The freshness window of RFC 8224 §4.1 that the note about an explicit `--iat` refers to.
    static let freshnessWindow: Int64 = 60

    func validate() throws {
        guard !dest.isEmpty else { throw ValidationError("give at least one --dest") }
        switch ppt {
        case .shaken: guard attest != nil else { throw ValidationError("ppt=shaken needs --attest A, B or C") }
        case .div: guard div != nil else { throw ValidationError("ppt=div needs --div") }
        case .rcd: guard rcdName != nil else { throw ValidationError("ppt=rcd needs --rcd-name") }
        }
    }

    func run() async throws {
        let key = try InputFiles.p256PrivateKey(self.key)
        let origNumber = try ArgumentValues.telephoneNumber(orig, option: "--orig")
        var destNumbers: [TelephoneNumber] = []
        for number in dest { destNumbers.append(try ArgumentValues.telephoneNumber(number, option: "--dest")) }
        let diverted = try div.map { try ArgumentValues.telephoneNumber($0, option: "--div") }
        let now = Date()
        let issuedAt = iat.map(ArgumentValues.date(seconds:)) ?? now
        let originationID = origid ?? UUID().uuidString.lowercased()
        let identity: String
        do {
            // The signing clock is the chosen --iat when one is given, so the STI-AS freshness rule
            // (RFC 8224 §4.1) holds for what the operator asked for; otherwise it is now.
            let service = try AuthenticationService(privateKey: key, x5u: x5u, clock: { issuedAt })
            switch ppt {
            case .shaken:
                let level = Attestation(rawValue: attest?.rawValue ?? "") ?? .gateway
                identity = try service.sign(orig: origNumber, dest: destNumbers, attest: level, origid: originationID, iat: issuedAt)
            case .div:
                identity = try service.signDiversion(
                    orig: origNumber, dest: destNumbers, divertedFrom: diverted ?? origNumber, iat: issuedAt
                )
            case .rcd:
                identity = try service.signRichCallData(
                    orig: origNumber, dest: destNumbers, rcd: RichCallData(name: rcdName), iat: issuedAt
                )
            }
        } catch {
            throw ShakenCLIError(.invalidArgument, "cannot sign: \(error.reason)")
        }
        let skew = Int64(issuedAt.timeIntervalSince1970) - Int64(now.timeIntervalSince1970)
        if abs(skew) > Self.freshnessWindow {
            CommandOutput.diagnostic(
                "note: --iat is \(abs(skew)) s \(skew < 0 ? "before" : "after") now; verifiers will find it stale unless they verify with --now \(Int64(issuedAt.timeIntervalSince1970))"
            )
        }
        if output.json {
            CommandOutput.json(
                .object([
                    .init("identity", .string(identity)), .init("ppt", .string(ppt.rawValue)),
                    .init("x5u", .string(x5u)), .init("iat", .integer(Int64(issuedAt.timeIntervalSince1970))),
                    .init("origid", ppt == .shaken ? .string(originationID) : .null),
                ])
            )
        } else {
            CommandOutput.line(identity)
        }
    }
}
