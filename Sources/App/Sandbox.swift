import ACMECore
import Foundation
import HTTPClient
import HTTPServer
import Hummingbird
import HummingbirdTLS
import Logging
import ServiceLifecycle
import STIRServices
import StorageSQL

/// The sandbox (issue item 9): STI-PA, STI-CA, one TN service provider's STI-SCA and the STI-CR on
/// one host over HTTPS, each with SQLite under `<data>/<authority>/`, provisioned on first start and
/// resumed on later starts with the same keys, ports and accounts.
public struct Sandbox: Sendable {
    /// The configuration.
    public let configuration: SandboxConfiguration
    /// Clock, randomness and key generation.
    public let environment: SandboxEnvironment
    /// Where progress lines go.
    public let progress: @Sendable (String) -> Void

    /// Creates a sandbox; nothing happens until ``run(handlingSignals:onReady:)``.
    public init(configuration: SandboxConfiguration, environment: SandboxEnvironment, progress: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.environment = environment
        self.progress = progress
    }

    /// Takes the data directory's lock (one sandbox per directory), starts every service, provisions
    /// on first start, writes `<data>/endpoints.json`, calls `onReady`, then serves until SIGINT/SIGTERM (when `handlingSignals`) or until the calling task
    /// is cancelled; databases are closed on the way out.
    ///
    /// - Throws: ``AppError``.
    public func run(handlingSignals: Bool, onReady: @escaping @Sendable (SandboxEndpoints) async -> Void) async throws(AppError) {
        let directory = try DataDirectory(configuration.dataDirectory)
        let lock = try DataDirectoryLock(directory)
        defer { withExtendedLifetime(lock) {} }
        let state = try await loadState(directory)
        let urls = SandboxURLs(host: configuration.host, ports: state.ports)
        progress(state.provisioned ? "Resuming the sandbox in \(directory.root)" : "Creating a sandbox in \(directory.root)")
        let pki = try SandboxPKI(directory: directory, environment: environment, urls: urls, lifetimes: configuration.lifetimes)
        progress("TLS root: \(directory.path(SandboxPKI.tlsRootFile))")
        let storages = try await openStorages(directory)
        do {
            try await serve(directory: directory, state: state, urls: urls, pki: pki, storages: storages, handlingSignals: handlingSignals, onReady: onReady)
        } catch {
            await Self.close(storages)
            throw error
        }
        await Self.close(storages)
    }

    /// Closes the databases in a task of its own, so that a cancelled caller still closes every connection.
    static func close(_ storages: Storages) async {
        await Task {
            for storage in storages.all { await storage.close() }
        }.value
    }

    struct Storages {
        let pa: SQLStorage
        let ca: SQLStorage
        let sca: SQLStorage
        var all: [SQLStorage] { [pa, ca, sca] }
    }

    private func openStorages(_ directory: DataDirectory) async throws(AppError) -> Storages {
        var opened: [SQLStorage] = []
        do {
            for folder in ["pa", "ca", "sca"] {
                try directory.create(folder)
                opened.append(try await SQLStorage.open(.sqlite(dataDirectory: directory.path(folder)), logger: Self.quietLogger))
            }
        } catch {
            await Task {
                for storage in opened { await storage.close() }
            }.value
            if let error = error as? AppError { throw error }
            throw AppError(.storage, "cannot open the sandbox databases: \(error)")
        }
        return Storages(pa: opened[0], ca: opened[1], sca: opened[2])
    }

    private func loadState(_ directory: DataDirectory) async throws(AppError) -> SandboxState {
        if var state = try SandboxState.load(from: directory) {
            PortPicker.reserve(state.ports)
            if state.pbxPassword == nil {
                state.pbxPassword = environment.credential()
                try state.save(to: directory)
            }
            return state
        }
        let state = SandboxState(
            ports: try await PortPicker.resolve(configuration.ports, host: configuration.host, preferStandard: configuration.prefersStandardRepositoryPort, random: environment.random),
            adminSecret: environment.credential(length: 32), providerPassword: environment.credential(),
            enterprisePassword: environment.credential(), provisioned: false, pbxPassword: environment.credential(), pbxProvisioned: false
        )
        try state.save(to: directory)
        return state
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "shaken.sandbox")
        logger.logLevel = .error
        return logger
    }()
}
