import Foundation

/// An external command-line tool used by the interoperability suites, found on PATH.
///
/// A suite is enabled when its tool is on PATH, or always when the `CI` environment variable is
/// set: there a missing tool must fail the run rather than silently skip it.
public struct ExternalTool: Sendable {
    /// The result of one run.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String

        public var combined: String { stdout + stderr }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        /// A failure described by `description`.
        public init(description: String) {
            self.description = description
        }
    }

    public let name: String

    /// A tool called `name`, looked up on PATH when run.
    public init(name: String) {
        self.name = name
    }

    /// The executable on PATH, if any.
    public var executable: URL? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether CI requires every interop tool.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Whether a suite using this tool should run: the tool is present, or CI demands it.
    public var isAvailableOrRequired: Bool { executable != nil || Self.isCI }

    /// Runs the tool with `arguments`, feeding `input` on standard input, and kills it after `timeout` seconds.
    ///
    /// - Throws: ``Failure`` when the tool is missing (only reachable under CI), cannot start, or times out.
    public func run(_ arguments: [String], input: String = "", in directory: URL? = nil, timeout: TimeInterval = 30) throws -> Output {
        guard let executable else { throw Failure(description: "\(name) is required (CI is set) but not on PATH") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()

        // Drain both pipes concurrently so a chatty tool cannot block on a full pipe.
        let collected = Collected()
        let readers = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            DispatchQueue.global().async(group: readers) {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
            }
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()

        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw Failure(description: "\(name) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        readers.wait()
        return Output(status: process.terminationStatus, stdout: collected.text(isError: false), stderr: collected.text(isError: true))
    }

    /// A fresh temporary directory; the caller removes it.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Output collected from reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { err = data } else { out = data }
    }

    func text(isError: Bool) -> String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: isError ? err : out, as: UTF8.self)
    }
}

extension ExternalTool {
    public static let python = ExternalTool(name: "python3")
    public static let secsipidx = ExternalTool(name: "secsipidx")
    public static let openssl = ExternalTool(name: "openssl")

    /// Whether `python3` with PyJWT and its `cryptography` backend can run (or CI requires it).
    public static let pyJWTAvailableOrRequired: Bool = {
        if isCI { return true }
        guard python.executable != nil else { return false }
        let probe = try? python.run(["-c", "import jwt, cryptography"], timeout: 20)
        return probe?.status == 0
    }()
}
