import ACMECore
import Crypto
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The STI-CA's ACME routes (``ACMERouter``, RFC 8555 §7) served by Hummingbird over TLS on a
/// loopback port, under a local TLS root the benchmark's clients trust.
struct IssuanceHTTPServer: Sendable {
    /// The host name in the ACME URLs and the TLS certificate; clients resolve it to 127.0.0.1.
    static let host = "localhost"

    let port: Int
    let rootPEM: String
    private let tls: TLSConfiguration
    private let running: (group: ServiceGroup, task: Task<Void, any Error>)?

    /// The ACME base URL on `port`.
    static func baseURL(port: Int) -> String { "https://\(host):\(port)/acme" }

    /// Picks a free loopback port and makes the TLS material (valid now, as the TLS clients check it
    /// against the system clock).
    static func prepare() async throws -> IssuanceHTTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw BenchmarkError.failed("the kernel gave no loopback port") }
        let now = Date()
        var random = SystemRandomNumberGenerator()
        let authority = try LocalTLSAuthority(rootKey: .init(), commonName: "shaken-bench TLS root", now: now, random: &random)
        let credential = try authority.issueServerCertificate(hosts: [host, "127.0.0.1"], key: .init(), now: now, random: &random)
        let tls = try TLSConfigurationFactory.server(certificateChainPEM: credential.chainPEM, privateKeyPEM: credential.privateKeyPEM)
        return IssuanceHTTPServer(port: port, rootPEM: try authority.rootCertificatePEM, tls: tls, running: nil)
    }

    /// Serves `service` and returns once the listener is up.
    func start(_ service: ACMEService) async throws -> IssuanceHTTPServer {
        var logger = Logger(label: "shaken-bench.http")
        logger.logLevel = .error
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let app = Application(
            router: ACMERouter.build(service: service), server: try .tls(tlsConfiguration: tls),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { _ in readyContinuation.yield() }, logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let running = Task { try await group.run() }
        let first = Task {
            for await _ in ready { return true }
            return false
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(10))
            readyContinuation.finish()
        }
        let started = await first.value
        timeout.cancel()
        guard started else {
            await group.triggerGracefulShutdown()
            running.cancel()
            throw BenchmarkError.failed("the HTTPS listener on 127.0.0.1:\(port) did not start")
        }
        return IssuanceHTTPServer(port: port, rootPEM: rootPEM, tls: tls, running: (group, running))
    }

    /// Stops the listener gracefully (open connections are closed once idle).
    func stop() async {
        guard let running else { return }
        await running.group.triggerGracefulShutdown()
        _ = await running.task.result
    }
}
