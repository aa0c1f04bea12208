import App
import Crypto
import Foundation
import Synchronization

/// Starts a sandbox in a temporary directory on free loopback ports and stops it by cancellation.
struct SandboxHarness {
    let directory: String
    let endpoints: SandboxEndpoints
    let progress: [String]
    private let task: Task<Void, any Error>

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("shaken-sandbox-\(UUID().uuidString)").path
    }

    static var environment: SandboxEnvironment {
        SandboxEnvironment(
            now: { Date() },
            random: {
                var generator = SystemRandomNumberGenerator()
                return generator.next()
            },
            makeKey: { P256.Signing.PrivateKey() }
        )
    }

    /// Starts a sandbox. A first start whose freshly picked port another process (a sandbox the
    /// kill suites run as a child process) bound in the meantime is tried again in a new directory.
    static func start(directory: String? = nil, standardRepositoryPort: Bool = false, database: SandboxDatabase? = nil) async throws -> SandboxHarness {
        if let directory { return try await launch(directory: directory, standardRepositoryPort: standardRepositoryPort, database: database) }
        var attempt = 0
        while true {
            attempt += 1
            let fresh = temporaryDirectory()
            do {
                return try await launch(directory: fresh, standardRepositoryPort: standardRepositoryPort, database: database)
            } catch let error as AppError where attempt < 3 && error.reason.contains("Address already in use") {
                try? FileManager.default.removeItem(atPath: fresh)
            }
        }
    }

    private static func launch(directory: String, standardRepositoryPort: Bool, database: SandboxDatabase?) async throws -> SandboxHarness {
        let lines = Mutex<[String]>([])
        let (stream, continuation) = AsyncStream<SandboxEndpoints>.makeStream()
        let sandbox = Sandbox(
            configuration: SandboxConfiguration(
                dataDirectory: directory, passwordCostExponent: 10, prefersStandardRepositoryPort: standardRepositoryPort, database: database
            ),
            environment: environment,
            progress: { line in lines.withLock { $0.append(line) } }
        )
        let task = Task {
            defer { continuation.finish() }
            try await sandbox.run(handlingSignals: false) { continuation.yield($0) }
        }
        var iterator = stream.makeAsyncIterator()
        guard let endpoints = await iterator.next() else {
            try await task.value
            throw AppError(.server, "the sandbox stopped before it was ready")
        }
        return SandboxHarness(directory: directory, endpoints: endpoints, progress: lines.withLock { $0 }, task: task)
    }

    /// Stops the sandbox and waits until its ports and databases are released.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Runs `body` against the running sandbox, then stops it, whether `body` returned or threw.
    func stopping<T>(after body: (SandboxHarness) async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body(self)
        } catch {
            await stop()
            throw error
        }
        await stop()
        return result
    }

    /// Waits until the sandbox stops by itself (at most `limit`, then stops it) and returns the error
    /// it stopped with, if any.
    func stopped(within limit: Duration) async -> (any Error)? {
        let task = self.task
        let watchdog = Task {
            try await Task.sleep(for: limit)
            task.cancel()
        }
        defer { watchdog.cancel() }
        do {
            try await task.value
            return nil
        } catch {
            return error
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
