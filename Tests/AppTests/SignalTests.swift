import Foundation
import Testing

/// The `shaken sandbox` process stops cleanly on SIGINT and SIGTERM and resumes on the same directory.
extension StandardPortSuites {
    @Suite("shaken sandbox as a process", .serialized)
    struct SignalTests {
        static let binary = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/shaken")
        static var binaryIsBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

        /// Starts `shaken sandbox --data directory` and waits until endpoints.json appears.
        static func launch(_ directory: String, log: URL) async throws -> Process {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["sandbox", "--data", directory]
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            for _ in 0..<300 where !FileManager.default.fileExists(atPath: directory + "/endpoints.json") {
                try await Task.sleep(for: .milliseconds(100))
            }
            for _ in 0..<50 {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if text.contains("The sandbox is ready") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            return process
        }

        /// Waits up to 20 seconds for `process` to exit.
        static func exited(_ process: Process) async throws -> Bool {
            for _ in 0..<200 where process.isRunning {
                try await Task.sleep(for: .milliseconds(100))
            }
            return !process.isRunning
        }

        @Test("SIGINT stops the sandbox with status 0; a second start resumes, and SIGTERM stops it too", .enabled(if: binaryIsBuilt, "build the shaken binary first"))
        func signalsStopCleanly() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-signal-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let firstLog = URL(fileURLWithPath: directory + "-first.log")
            let secondLog = URL(fileURLWithPath: directory + "-second.log")
            defer {
                try? FileManager.default.removeItem(at: firstLog)
                try? FileManager.default.removeItem(at: secondLog)
            }
            let first = try await Self.launch(directory, log: firstLog)
            let firstText = (try? String(contentsOf: firstLog, encoding: .utf8)) ?? ""
            #expect(firstText.contains("Creating a sandbox") && firstText.contains("The sandbox is ready"), "\(firstText)")
            first.interrupt()
            let firstStopped = try await Self.exited(first)
            if !firstStopped { first.terminate() }
            #expect(firstStopped && first.terminationStatus == 0 && first.terminationReason == .exit)

            let second = try await Self.launch(directory, log: secondLog)
            let secondText = (try? String(contentsOf: secondLog, encoding: .utf8)) ?? ""
            #expect(secondText.contains("Resuming the sandbox") && !secondText.contains("order, tkauth-01"), "\(secondText)")
            second.terminate()
            let secondStopped = try await Self.exited(second)
            if !secondStopped { kill(second.processIdentifier, SIGKILL) }
            #expect(secondStopped && second.terminationStatus == 0 && second.terminationReason == .exit)
        }
    }
}
