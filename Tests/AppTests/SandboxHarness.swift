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

    static func start(directory: String = temporaryDirectory(), standardRepositoryPort: Bool = false) async throws -> SandboxHarness {
        let lines = Mutex<[String]>([])
        let (stream, continuation) = AsyncStream<SandboxEndpoints>.makeStream()
        let sandbox = Sandbox(
            configuration: SandboxConfiguration(dataDirectory: directory, passwordCostExponent: 10, prefersStandardRepositoryPort: standardRepositoryPort), environment: environment,
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

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
