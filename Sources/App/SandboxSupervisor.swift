import ServiceLifecycle

/// Waits until the first services listen, then runs `body` (provisioning and the STI-SCA).
struct SandboxSupervisor: Service {
    let readiness: AsyncStream<Void>
    let expected: Int
    let body: @Sendable () async throws -> Void

    func run() async throws {
        let ready = await cancelWhenGracefulShutdown {
            var count = 0
            for await _ in readiness {
                count += 1
                if count == expected { return true }
            }
            return false
        }
        guard ready, !Task.isCancelled else { return }
        try await body()
    }
}
