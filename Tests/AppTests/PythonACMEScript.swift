import Foundation

/// Runs `Python/certbot_delegate.py`, the glue that drives certbot's `acme` package (RFC 8555 with
/// RFC 9447 `tkauth-01` and the RFC 9448 TNAuthList identifier), and the `openssl` command line.
///
/// The suite is enabled when `python3` imports `acme`, `josepy` and `cryptography`, or always when
/// the `CI` environment variable is set: there a missing tool fails the run instead of skipping it.
struct PythonACMEScript {
    /// The result of one run.
    struct Output: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String

        var combined: String { stdout + stderr }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The glue script next to this file.
    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Python/certbot_delegate.py").path
    }

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// An executable called `name` on PATH, if any.
    static func executable(_ name: String) -> URL? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether `python3` can import the ACME client libraries, or CI requires them.
    static let isAvailableOrRequired: Bool = {
        if isCI { return true }
        guard let python = executable("python3") else { return false }
        let probe = Process()
        probe.executableURL = python
        probe.arguments = ["-c", "import acme, josepy, cryptography"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
        } catch {
            return false
        }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// Runs the executable `name` with `arguments` in `directory` without blocking a concurrency
    /// thread (the sandbox answers on the same process), and terminates it after `timeout` seconds.
    ///
    /// A run that times out ends with the status of SIGTERM.
    ///
    /// - Throws: ``Failure`` when the tool is not on PATH or cannot start.
    static func run(
        _ name: String, _ arguments: [String], in directory: String, environment: [String: String] = [:], timeout: Duration = .seconds(120)
    ) async throws -> Output {
        guard let executable = executable(name) else { throw Failure(description: "\(name) is required but not on PATH") }
        let stdoutPath = directory + "/.\(name).stdout"
        let stderrPath = directory + "/.\(name).stderr"
        guard FileManager.default.createFile(atPath: stdoutPath, contents: nil), FileManager.default.createFile(atPath: stderrPath, contents: nil) else {
            throw Failure(description: "cannot create the output files of \(name) in \(directory)")
        }
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        defer {
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let watchdog = Watchdog(process: process)
        let timer = Task {
            try? await Task.sleep(for: timeout)
            watchdog.terminate()
        }
        defer { timer.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Failure(description: "cannot start \(name): \(error)"))
                return
            }
        }
        func text(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return Output(status: status, stdout: text(stdoutPath), stderr: text(stderrPath))
    }
}

/// Terminates a process that outlives its timeout.
private final class Watchdog: @unchecked Sendable {
    private let process: Process

    init(process: Process) {
        self.process = process
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
