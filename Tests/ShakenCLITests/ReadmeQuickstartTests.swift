import Foundation
import STIRTesting
import Testing

/// Keeps the README true: its command-line quickstart runs as written against the built
/// `shaken` binary and ends in `TN-Validation-Passed`.
@Suite("README quickstart")
struct ReadmeQuickstartTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/shaken")
    static var binaryIsBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// The first ```sh block after the "Command-line quickstart" heading.
    static func quickstartScript() throws -> String {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let heading = readme.range(of: "## Command-line quickstart"),
            let open = readme.range(of: "```sh\n", range: heading.upperBound..<readme.endIndex),
            let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex)
        else { throw ExternalTool.Failure(description: "README.md has no quickstart block") }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test(
        "the quickstart builds a delegate PKI, signs and verifies a call",
        .enabled(if: binaryIsBuilt || ExternalTool.isCI, "build the shaken binary first (swift build)")
    )
    func quickstartRuns() throws {
        #expect(Self.binaryIsBuilt, "\(Self.binary.path) is missing; CI builds it before the tests")
        var script = try Self.quickstartScript()
        let build = "swift build && S=.build/debug/shaken"
        #expect(script.contains(build), "the quickstart no longer starts with '\(build)'")
        script = script.replacingOccurrences(of: build, with: "S='\(Self.binary.path)'")
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ExternalTool(name: "bash").run(["-e", "-s"], input: script, in: directory, timeout: 120)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("\"verstat\" : \"TN-Validation-Passed\"") || output.stdout.contains("\"verstat\": \"TN-Validation-Passed\""), "\(output.stdout)")
        #expect(output.stdout.contains("\"delegate\""), "\(output.stdout)")
    }
}
