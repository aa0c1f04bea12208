import NIOCore
import NIOPosix

/// Picks free TCP ports by binding to port 0 and reading what the kernel chose (issue item 9:
/// ports picked on first start, then kept).
enum PortPicker {
    /// Replaces every 0 in `ports` with a distinct free port on `host`.
    static func resolve(_ ports: SandboxConfiguration.Ports, host: String, preferStandard: Bool) async throws(AppError) -> SandboxConfiguration.Ports {
        var result = ports
        var taken = Set(ports.all.filter { $0 != 0 })
        func pick() async throws(AppError) -> Int {
            for _ in 0..<8 {
                let port = try await freePort(host: host)
                if taken.insert(port).inserted { return port }
            }
            throw AppError(.ports, "no distinct free port on \(host)")
        }
        if result.policyAdministrator == 0 { result.policyAdministrator = try await pick() }
        if result.certificationAuthority == 0 { result.certificationAuthority = try await pick() }
        if result.subordinateAuthority == 0 { result.subordinateAuthority = try await pick() }
        if result.repository == 0 {
            // 8443 when free: the x5u policies of signers and verifiers accept 443 and 8443 only.
            if preferStandard, !taken.contains(preferredRepositoryPort), (try? await bind(host: host, port: preferredRepositoryPort)) != nil {
                result.repository = preferredRepositoryPort
            } else {
                result.repository = try await pick()
            }
        }
        return result
    }

    /// The STI-CR port tried first.
    static let preferredRepositoryPort = 8443

    private static func freePort(host: String) async throws(AppError) -> Int {
        try await bind(host: host, port: 0)
    }

    /// Binds `host:port`, closes, and returns the port bound.
    private static func bind(host: String, port requested: Int) async throws(AppError) -> Int {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: requested).get()
            let port = channel.localAddress?.port
            try await channel.close()
            guard let port else { throw AppError(.ports, "the kernel gave no port on \(host)") }
            return port
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.ports, "cannot bind \(host): \(error)")
        }
    }
}
