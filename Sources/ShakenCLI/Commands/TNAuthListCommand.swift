import Foundation
import ArgumentParser
import TNAuthList

/// `shaken tnauthlist`: the TNAuthList extension value (RFC 8226 §9) in base64 DER, as exchanged in SPC tokens
/// (RFC 9448 §5) and ACME TNAuthList identifiers.
struct TNAuthListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tnauthlist",
        abstract: "Encode and decode TNAuthList values.",
        subcommands: [Encode.self, Decode.self]
    )

    /// `shaken tnauthlist encode --spc X --tn N --range START:COUNT ...`.
    struct Encode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Encode entries as base64 DER (RFC 8226 §9).")

        @OptionGroup var entries: TNAuthListOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard !entries.isEmpty else {
                throw ValidationError("give at least one --spc, --tn or --range")
            }
        }

        func run() async throws {
            guard let list = try entries.list() else {
                throw ShakenCLIError(.invalidArgument, "no TNAuthList entries given")
            }
            let der = try list.derEncoded()
            let base64 = try list.base64EncodedString()
            if output.json {
                CommandOutput.json(
                    .object([
                        .init("base64", .string(base64)), .init("hex", .string(Hex.encode(der))),
                        .init("entries", .array(list.entries.map(TNAuthListPresentation.json))),
                    ])
                )
            } else {
                CommandOutput.line(base64)
            }
        }
    }

    /// `shaken tnauthlist decode VALUE`.
    struct Decode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode a TNAuthList given in base64, base64url or hex DER."
        )

        @Argument(help: "The DER value in base64, base64url or hexadecimal.")
        var value: String
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let list = try Self.decode(value)
            if output.json {
                CommandOutput.json(.object([.init("entries", .array(list.entries.map(TNAuthListPresentation.json)))]))
            } else {
                for entry in list.entries { CommandOutput.line(TNAuthListPresentation.text(entry)) }
            }
        }

        /// Hex first when the text is only hex digits of even length (and decodes), else base64/base64url.
        static func decode(_ value: String) throws(ShakenCLIError) -> TNAuthorizationList {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if let bytes = Hex.decode(trimmed), let list = try? TNAuthorizationList(derEncoded: bytes) {
                return list
            }
            do {
                return try TNAuthorizationList(base64Encoded: trimmed)
            } catch {
                throw ShakenCLIError(.invalidArgument, "'\(value)' is not a TNAuthList in base64, base64url or hex DER: \(error)")
            }
        }
    }
}

/// How TNAuthList entries are shown: JSON `{"spc": ...}`, `{"tn": ...}`, `{"range": {"start": ..., "count": N}}`.
enum TNAuthListPresentation {
    /// The JSON form of one entry.
    static func json(_ entry: TNEntry) -> JSONOutput {
        switch entry {
        case .spc(let code): .object([.init("spc", .string(code.value))])
        case .tn(let number): .object([.init("tn", .string(number.digits))])
        case .range(let range):
            .object([
                .init("range", .object([.init("start", .string(range.start.digits)), .init("count", .integer(Int64(range.count)))]))
            ])
        }
    }

    /// The text form of one entry.
    static func text(_ entry: TNEntry) -> String {
        switch entry {
        case .spc(let code): "spc \(code.value)"
        case .tn(let number): "tn \(number.digits)"
        case .range(let range): "range \(range.start.digits) count \(range.count) (to \(range.last.digits))"
        }
    }
}
