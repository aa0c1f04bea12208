import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Picks free TCP ports on first start (issue item 9: ports picked once, then kept).
///
/// Ports are drawn at random below the kernel's ephemeral range (`ip_local_port_range`), so that the
/// outgoing connections of this host, which take their local ports from that range, cannot occupy a
/// picked port between the pick and the bind, nor at a later restart; each candidate is checked by
/// binding it. When no such port is found, the kernel's own choice (port 0) is used.
enum PortPicker {
    /// The lowest port drawn.
    static let lowestPort = 10_000

    /// Every port this process picked or resumed with: two sandboxes in one process (the tests run
    /// many) never draw the same port, even after the first has released it for a restart.
    private static let handedOut = Mutex<Set<Int>>([])

    /// Records ports a resumed sandbox will bind, so that no other sandbox of this process picks them.
    static func reserve(_ ports: SandboxConfiguration.Ports) {
        handedOut.withLock { $0.formUnion(ports.all.filter { $0 != 0 }) }
    }

    /// Replaces every 0 in `ports` with a distinct free port on `host`.
    static func resolve(
        _ ports: SandboxConfiguration.Ports, host: String, preferStandard: Bool, random: @Sendable () -> UInt64
    ) async throws(AppError) -> SandboxConfiguration.Ports {
        var result = ports
        var taken = Set(ports.all.filter { $0 != 0 })
        let ceiling = ephemeralRangeStart()
        /// Claims `port` for this sandbox unless this sandbox or another of the process holds it.
        func claim(_ port: Int) -> Bool {
            guard !taken.contains(port) else { return false }
            let fresh = handedOut.withLock { $0.insert(port).inserted }
            if fresh { taken.insert(port) }
            return fresh
        }
        func pick() async throws(AppError) -> Int {
            if ceiling > lowestPort + 1 {
                for _ in 0..<32 {
                    let candidate = lowestPort + Int(random() % UInt64(ceiling - lowestPort))
                    guard !taken.contains(candidate), (try? await bind(host: host, port: candidate)) != nil, claim(candidate) else { continue }
                    return candidate
                }
            }
            for _ in 0..<8 {
                let port = try await freePort(host: host)
                if claim(port) { return port }
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

    /// The first port of the kernel's ephemeral range (Linux `/proc/sys/net/ipv4/ip_local_port_range`;
    /// 32768 where it cannot be read, the Linux default).
    static func ephemeralRangeStart() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8),
            let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.flatMap({ Int($0) }),
            first > 0
        else { return 32_768 }
        return first
    }

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
