import ArgumentParser
import Foundation
import PASSporT

/// `shaken passport sign`: signs a PASSporT and prints the SIP Identity header value (RFC 8224 §4.1) —
/// only it, on standard output. `ppt=shaken` (RFC 8588), `div` (RFC 8946) or `rcd` (RFC 9795).
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
        let origNumber = try ArgumentValues.telephoneNumber(orig, option: "--orig").digits
        var destNumbers: [String] = []
        for number in dest { destNumbers.append(try ArgumentValues.telephoneNumber(number, option: "--dest").digits) }
        let issuedAt = iat ?? Int64(Date().timeIntervalSince1970)
        let diverted = try div.map { try ArgumentValues.telephoneNumber($0, option: "--div").digits }
        let passport: PASSporT
        do {
            passport = try makePASSporT(orig: origNumber, dest: destNumbers, div: diverted ?? "", iat: issuedAt)
        } catch {
            throw ShakenCLIError(.invalidArgument, "cannot build the PASSporT: \(error.reason)")
        }
        let signed = try PASSporTSigner(privateKey: key).sign(passport)
        let identity = signed.identityHeader.formatted
        if output.json {
            CommandOutput.json(
                .object([
                    .init("identity", .string(identity)), .init("ppt", .string(ppt.rawValue)),
                    .init("x5u", .string(x5u)), .init("iat", .integer(issuedAt)),
                    .init("origid", .optional(passport.claims.origid)),
                ])
            )
        } else {
            CommandOutput.line(identity)
        }
    }

    private func makePASSporT(orig: String, dest: [String], div: String, iat: Int64) throws(PASSporTError) -> PASSporT {
        switch ppt {
        case .shaken:
            let level = Attestation(rawValue: attest?.rawValue ?? "") ?? .gateway
            return try PASSporT.shaken(
                x5u: x5u, attest: level, origid: origid ?? UUID().uuidString.lowercased(), orig: orig, dest: dest, iat: iat
            )
        case .div:
            return try PASSporT.div(
                x5u: x5u, orig: .telephoneNumber(orig), dest: DestinationIdentities(telephoneNumbers: dest),
                div: .telephoneNumber(div), iat: iat
            )
        case .rcd:
            return try PASSporT.rcd(
                x5u: x5u, orig: .telephoneNumber(orig), dest: DestinationIdentities(telephoneNumbers: dest), iat: iat,
                rcd: RichCallData(name: rcdName)
            )
        }
    }
}
