import ArgumentParser
import Foundation

/// `shaken demo`: the delegate-certificate story told in process (see ``DemoStory``); exits 0 only if every
/// step behaved as the story says.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through delegate certificates, OSP attestation and verification, checking each step."
    )

    @OptionGroup var output: JSONFlag

    func run() async throws {
        var story = try DemoStory(now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        try await story.run()
        let allOK = story.steps.allSatisfy(\.ok)
        if output.json {
            CommandOutput.json(.object([.init("steps", .array(story.steps.map(\.json))), .init("asExpected", .bool(allOK))]))
        } else {
            for (index, step) in story.steps.enumerated() {
                CommandOutput.line("\(index + 1). \(step.title)\(step.ok ? "" : "  <-- NOT AS EXPECTED")")
                for (name, value) in step.facts { CommandOutput.line("     \(name): \(value)") }
            }
            CommandOutput.line(allOK ? "Every step behaved as expected." : "Some steps did not behave as expected.")
        }
        guard allOK else {
            let failed = story.steps.filter { !$0.ok }.map(\.title).joined(separator: "; ")
            throw ShakenCLIError(.checkFailed, "demo steps not as expected: \(failed)")
        }
    }
}
