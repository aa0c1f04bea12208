import App
import Foundation
import HTTPClient
import Synchronization

/// A `shaken sandbox --data DIR` child process, for the tests that stop or kill it (the binary comes
/// from `swift build`; see ``StandardPortSuites/SignalTests/binary``).
final class SandboxProcess: Sendable {
    let directory: String
    let log: URL
    private let process: Process

    private init(directory: String, log: URL, process: Process) {
        self.directory = directory
        self.log = log
        self.process = process
    }

    /// Starts the sandbox on `directory` with `faultInjection` in its environment (or without the
    /// variable) and waits, up to `timeout`, until it prints that it is ready.
    ///
    /// - Throws: ``SandboxProcessError`` when it exits or does not get ready in time (the log is in the
    ///   error and its file is removed).
    static func launch(_ directory: String, faultInjection: String? = nil, logName: String, timeout: Duration = .seconds(180)) async throws -> SandboxProcess {
        let log = URL(fileURLWithPath: directory + "-" + logName + ".log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = StandardPortSuites.SignalTests.binary
        process.arguments = ["sandbox", "--data", directory]
        var environment = ProcessInfo.processInfo.environment
        environment[SandboxFaultInjection.environmentVariable] = faultInjection
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let sandbox = SandboxProcess(directory: directory, log: log, process: process)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if sandbox.logText.contains("The sandbox is ready") { return sandbox }
            if !process.isRunning {
                let text = sandbox.logText
                sandbox.removeLog()
                throw SandboxProcessError("the sandbox exited (\(process.terminationStatus)) before it was ready:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        sandbox.sendKill()
        _ = await sandbox.waitForExit()
        let text = sandbox.logText
        sandbox.removeLog()
        throw SandboxProcessError("the sandbox was not ready after \(timeout):\n\(text)")
    }

    /// Everything the process printed so far.
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The endpoints the running sandbox wrote.
    func endpoints() throws -> SandboxEndpoints { try SandboxEndpoints.load(dataDirectory: directory) }

    var isRunning: Bool { process.isRunning }

    /// Sends SIGKILL.
    func sendKill() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits up to `timeout` for the process to end; `true` when it has.
    func waitForExit(timeout: Duration = .seconds(60)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return !process.isRunning
    }

    /// Whether the process ended by SIGKILL.
    var wasKilled: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL }

    /// Whether the process exited with status 0.
    var exitedCleanly: Bool { !process.isRunning && process.terminationReason == .exit && process.terminationStatus == 0 }

    /// Stops the sandbox with SIGTERM (SIGKILL after `timeout`); `true` when it exited cleanly.
    func stop(timeout: Duration = .seconds(60)) async -> Bool {
        guard process.isRunning else { return exitedCleanly }
        process.terminate()
        if await waitForExit(timeout: timeout) { return exitedCleanly }
        sendKill()
        _ = await waitForExit()
        return false
    }

    /// An HTTPS client configuration trusting the sandbox's TLS root, with timeouts generous enough
    /// for a loaded machine.
    static func clientConfiguration(_ endpoints: SandboxEndpoints) throws -> HTTPSClient.Configuration {
        try HTTPSClient.Configuration(trustRoots: .pemFile(endpoints.tlsRootPath), connectTimeout: .seconds(30), totalTimeout: .seconds(120))
    }

    /// Removes the log file.
    func removeLog() {
        try? FileManager.default.removeItem(at: log)
    }
}

/// A sandbox process that did not behave.
struct SandboxProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
