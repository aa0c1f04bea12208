import Foundation
import ShakenCLI
import Synchronization

/// Captures what a command writes.
final class OutputCapture: Sendable {
    private let storage = Mutex<(out: String, err: String)>(("", ""))

    var sink: CommandOutput {
        CommandOutput(
            standardOutput: { text in self.storage.withLock { $0.out += text } },
            standardError: { text in self.storage.withLock { $0.err += text } }
        )
    }

    var standardOutput: String { storage.withLock { $0.out } }
    var standardError: String { storage.withLock { $0.err } }
}

/// The result of one in-process invocation.
struct CLIResult {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Standard output without the trailing newline.
    var trimmedOutput: String { standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Runs `shaken` in process with captured output.
func shaken(_ arguments: String...) async -> CLIResult {
    await shaken(arguments)
}

/// Runs `shaken` in process with captured output.
func shaken(_ arguments: [String]) async -> CLIResult {
    let capture = OutputCapture()
    let status = await ShakenMain.run(arguments, output: capture.sink)
    return CLIResult(status: status, standardOutput: capture.standardOutput, standardError: capture.standardError)
}

/// A fresh temporary directory.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
