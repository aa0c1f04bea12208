import ACMECore
import Foundation
import HTTPClient
import HTTPServer
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle
import STIRServices
import StorageSQL

extension Sandbox {
    /// Runs the four HTTPS services in one service group; the STI-SCA starts once provisioning is done.
    func serve(
        directory: DataDirectory, state: SandboxState, urls: SandboxURLs, pki: SandboxPKI, storages: Storages, handlingSignals: Bool,
        onReady: @escaping @Sendable (SandboxEndpoints) async -> Void
    ) async throws(AppError) {
        let repository = try FileCertificateRepository(baseURL: urls.repository, directory: directory, folder: "cr", now: environment.now)
        let rootPEM: String
        let tls: TLSConfiguration
        do {
            rootPEM = try pki.tls.rootCertificatePEM
            tls = try TLSConfigurationFactory.server(certificateChainPEM: pki.server.chainPEM, privateKeyPEM: pki.server.privateKeyPEM)
            _ = try await repository.publish(
                chainPEM: try DataDirectory.pem([pki.paTokenSigner.certificate, pki.paTokenAnchor.certificate]), name: SandboxPKI.paTokenSignerName
            )
            _ = try await repository.publish(
                chainPEM: try DataDirectory.pem([pki.scaTokenSigner.certificate, pki.scaTokenAnchor.certificate]), name: SandboxPKI.scaTokenSignerName
            )
        } catch {
            throw AppError(.keyMaterial, "cannot prepare TLS and the token-signing chains: \(error)")
        }
        let resolver: any HostResolver =
            IPAddress(configuration.host).map { StaticHostResolver([urls.repositoryHost: [$0]]) } ?? SystemHostResolver()
        let fetcher = HTTPCertificateChainFetcher(
            configuration: .init(
                policy: X5UPolicy(allowedPorts: [state.ports.repository], allowsIPLiterals: true),
                allowedHosts: [configuration.host, urls.repositoryHost], trustRoots: .only(pem: Array(rootPEM.utf8))
            ),
            resolver: resolver, now: environment.now
        )
        let authorities = SandboxAuthorities(
            configuration: configuration, environment: environment, pki: pki, urls: urls, repository: repository, tokenCertificates: fetcher
        )
        let paServices = try authorities.policyAdministrator(storage: storages.pa)
        let ca = authorities.certificationAuthority(storage: storages.ca)
        try await reconcile(storage: storages.ca, repository: repository, authority: .certificationAuthority)

        let (readiness, signal) = AsyncStream<Void>.makeStream()
        let paRouter = Router(context: BasicRequestContext.self)
        PolicyAdministrationRouter.addRoutes(
            to: paRouter, services: paServices, configuration: .init(adminCredential: state.adminSecret, now: environment.now)
        )
        let paApp = try application(paRouter, port: state.ports.policyAdministrator, tls: tls) { signal.yield() }
        let caApp = try application(ACMERouter.build(service: ca), port: state.ports.certificationAuthority, tls: tls) { signal.yield() }
        let crApp = try application(CertificateRepositoryRouter.build(repository: repository, path: "certs"), port: state.ports.repository, tls: tls) {
            signal.yield()
        }
        let provisioning = SandboxProvisioning(directory: directory, environment: environment, pki: pki, urls: urls, state: state, progress: progress)
        let sandbox = self
        let supervisor = SandboxSupervisor(readiness: readiness, expected: 3) {
            sandbox.progress("STI-PA \(urls.policyAdministrator), STI-CA \(urls.certificationAuthorityACME), STI-CR \(urls.repository) listening")
            try await sandbox.startSubordinateAuthority(
                directory: directory, state: state, urls: urls, pki: pki, storages: storages, authorities: authorities,
                provisioning: provisioning, paServices: paServices, tls: tls, onReady: onReady
            )
        }
        var services: [any Service] = [paApp, caApp, crApp, supervisor]
        if let lock = storages.lock {
            let described = storages.endpointsStorage
            let schemas = [described.policyAdministrator, described.certificationAuthority, described.subordinateAuthority].joined(separator: ", ")
            let subject = "PostgreSQL \(described.database ?? "") (schemas \(schemas))"
            services.append(DatabaseLockWatch(lock: lock, subject: subject, interval: .seconds(2)))
        }
        let group = ServiceGroup(
            services: services, gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
            logger: Self.quietLogger
        )
        // Cancelling the caller stops the services gracefully (connections drained, listeners closed)
        // instead of cancelling them mid-request.
        let runner = Task { try await group.run() }
        do {
            try await withTaskCancellationHandler {
                try await runner.value
            } onCancel: {
                Task { await group.triggerGracefulShutdown() }
            }
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.server, "the sandbox stopped: \(error)")
        }
    }


    /// One HTTPS application on `host:port`.
    func application(
        _ router: Router<BasicRequestContext>, port: Int, tls: TLSConfiguration, onRunning: @escaping @Sendable () -> Void
    ) throws(AppError) -> any Service {
        do {
            return Application(
                router: router, server: try .tls(tlsConfiguration: tls),
                configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port)),
                onServerRunning: { _ in onRunning() }, logger: Self.quietLogger
            )
        } catch {
            throw AppError(.server, "cannot configure the HTTPS listener on port \(port): \(error)")
        }
    }

    /// Completes or fails every order left in processing by a process that died (issue item 10), and
    /// publishes again the chain of each order it completes (the process may have died between the
    /// ledger record and the STI-CR publication). Settling every order found in `processing`, however
    /// recent, is only safe because no other process can be finalizing in the same database: on
    /// SQLite the data directory's lock (`DataDirectoryLock`) guarantees it, on PostgreSQL the
    /// database's advisory lock taken before the schemas were opened (`lockDatabase`). Without those
    /// locks this would fail the in-flight orders of another running sandbox.
    func reconcile(storage: SQLStorage, repository: any CertificateRepository, authority: SandboxFaultInjection.Authority) async throws(AppError) {
        let name = authority == .certificationAuthority ? "STI-CA" : "STI-SCA"
        do {
            let ledger = storage.certificateLedger
            let report = try await ACMEReconciler(orders: storage.orders, ledger: ledger).reconcileAll()
            for order in report.completed {
                guard let certificate = try await ledger.certificate(forOrder: order) else { continue }
                _ = try await repository.publish(
                    chainPEM: certificate.chainPEM, name: PublishingCertificateLedger.name(prefix: authority.rawValue, serial: certificate.serial)
                )
            }
            if !report.completed.isEmpty || !report.failed.isEmpty {
                progress("\(name): reconciled \(report.completed.count) completed and \(report.failed.count) failed orders")
            }
        } catch {
            throw AppError(.storage, "\(name) reconciliation: \(error)")
        }
    }
}
