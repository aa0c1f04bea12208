import Foundation
import ArgumentParser
import JOSE
import PASSporT

/// `shaken passport decode VALUE`: the header and claims of a PASSporT WITHOUT verifying anything
/// (RFC 8225 §6, RFC 8224 §4.1). The output says "unverified".
struct PassportDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Show a PASSporT's header and claims without verifying it (UNVERIFIED)."
    )

    @Argument(help: "An Identity header value or a compact PASSporT.")
    var value: String
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        var info: String?
        var token = text
        if let header = try? IdentityHeader(parsing: text) {
            info = header.info
            token = header.token
        }
        let jws: CompactJWS
        do {
            jws = try CompactJWS(token)
        } catch {
            throw ShakenCLIError(.invalidArgument, "not an Identity header or compact PASSporT: \(error.reason)")
        }
        let parser = StrictJSONParser()
        let header: JSONOutput
        let claims: JSONOutput
        do {
            header = JSONOutput(try parser.parse(jws.header))
            claims = jws.isDetachedPayload ? .null : JSONOutput(try parser.parse(jws.payload))
        } catch {
            throw ShakenCLIError(.invalidArgument, "the PASSporT header or claims are not valid JSON: \(error.reason)")
        }
        var problem: String?
        do {
            _ = try UnverifiedPASSporT(compact: token)
        } catch {
            problem = "\(error.code): \(error.reason)"
        }
        if output.json {
            CommandOutput.json(
                .object([
                    .init("verified", false),
                    .init("note", "unverified: neither the signature nor the certificate was checked"),
                    .init("info", .optional(info)), .init("header", header), .init("claims", claims),
                    .init("compactForm", .bool(jws.isDetachedPayload)), .init("structureProblem", .optional(problem)),
                ])
            )
            return
        }
        CommandOutput.line("UNVERIFIED PASSporT (signature and certificate NOT checked)")
        if let info { CommandOutput.line("info: \(info)") }
        CommandOutput.line("header: " + header.prettyPrinted())
        CommandOutput.line("claims: " + (jws.isDetachedPayload ? "(compact form: claims are not carried)" : claims.prettyPrinted()))
        if let problem { CommandOutput.line("structure problem: \(problem)") }
    }
}
