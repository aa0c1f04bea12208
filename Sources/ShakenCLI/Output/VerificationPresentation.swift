import PASSporT
import STIRCertificates
import STIRServices

/// How `passport verify` reports a ``VerificationOutcome`` (verstat per 3GPP TS 24.229 §7.2A.20, SIP
/// response per RFC 8224 §6.2.2).
///
/// Text: one line, `TN-Validation-Passed` or `<verstat> <code> <reason text>: <detail>`, then notes.
/// JSON: `verstat`, `reasonCode` (absent on pass), `reasonText`, `failure`, `detail`, `reasonHeader`,
/// `attest`, `orig`, `dest`, `certificateSubject`, `delegate`, `revocationChecked`, `notes`, `related`.
struct VerificationPresentation {
    let outcome: VerificationOutcome
    let cliNotes: [String]

    var json: JSONOutput {
        var members: [JSONOutput.Member] = [.init("verstat", .string(outcome.verstat.rawValue))]
        if let failure = outcome.failure {
            members.append(.init("reasonCode", .integer(Int64(failure.sipStatusCode))))
            members.append(.init("reasonText", .string(failure.reasonText)))
            members.append(.init("failure", .string(failure.rawValue)))
            members.append(.init("detail", .optional(outcome.failureReason)))
            members.append(.init("reasonHeader", .optional(outcome.reasonHeader())))
        } else {
            members.append(.init("reasonText", "OK"))
        }
        let claims = outcome.passport?.claims
        members.append(.init("attest", .optional(claims?.attest?.rawValue ?? outcome.attestation?.rawValue)))
        members.append(.init("orig", .optional(claims?.orig.value)))
        members.append(.init("dest", .array((claims?.dest.telephoneNumbers ?? []).map(JSONOutput.string))))
        members.append(.init("certificateSubject", .optional(outcome.chain?.leaf.subject.description)))
        members.append(.init("delegate", .bool(outcome.chain?.isDelegate ?? false)))
        members.append(.init("revocationChecked", .bool(outcome.chain?.isRevocationChecked ?? false)))
        members.append(.init("notes", .array((outcome.notes + cliNotes).map(JSONOutput.string))))
        members.append(
            .init(
                "related",
                .array(outcome.related.map { VerificationPresentation(outcome: $0, cliNotes: []).relatedJSON })
            )
        )
        return .object(members)
    }

    private var relatedJSON: JSONOutput {
        .object([
            .init("ppt", .optional(outcome.passport?.header.ppt?.rawValue)),
            .init("verstat", .string(outcome.verstat.rawValue)),
            .init("failure", .optional(outcome.failure?.rawValue)),
            .init("detail", .optional(outcome.failureReason)),
        ])
    }

    /// The one-line verdict.
    var line: String {
        guard let failure = outcome.failure else { return outcome.verstat.rawValue }
        return "\(outcome.verstat.rawValue) \(failure.sipStatusCode) \(failure.reasonText): \(outcome.failureReason ?? failure.rawValue)"
    }

    func print(json asJSON: Bool) {
        if asJSON {
            CommandOutput.json(json)
            return
        }
        CommandOutput.line(line)
        if let chain = outcome.chain {
            CommandOutput.line("  signer: \(chain.leaf.subject)\(Self.signerKind(chain))")
        }
        if let attest = outcome.attestation { CommandOutput.line("  attest: \(attest.rawValue)") }
        for note in outcome.notes + cliNotes { CommandOutput.line("  note: \(note)") }
        for related in outcome.related {
            let type = related.passport?.header.ppt?.rawValue ?? "related"
            CommandOutput.line("  \(type): \(VerificationPresentation(outcome: related, cliNotes: []).line)")
        }
    }

    /// How the signer's certificate got its numbers: from an STI-SCA whose own TNAuthList encompasses
    /// them (a delegate certificate, RFC 9060 §4), or straight from the STI-CA on a TN-level SPC token
    /// (seed 002 §5, figures 9–11), where no parent carries a TNAuthList.
    static func signerKind(_ chain: ValidatedSTIChain) -> String {
        guard chain.isDelegate else { return "" }
        return chain.links.isEmpty ? " (TN-level certificate from the STI-CA)" : " (delegate certificate from an STI-SCA)"
    }
}
