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
/// one host over HTTPS, each with SQLite under `<data>/<authority>/` or in a schema of its own on
/// PostgreSQL (``SandboxConfiguration/database``), provisioned on first start and resumed on later
/// starts with the same keys, ports, accounts and database.
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

    /// Takes the data directory's lock (one sandbox per directory), opens the databases (on PostgreSQL
    /// after taking the database's lock: one sandbox per database and schema prefix), starts every
    /// service, provisions on first start, writes `<data>/endpoints.json`, calls `onReady`, then
    /// serves until SIGINT/SIGTERM (when `handlingSignals`) or until the calling task is cancelled;
    /// databases are closed and the database lock released on the way out.
    ///
    /// - Throws: ``AppError``; ``AppError/Code/inUse`` when another sandbox runs on the data directory
    ///   or the database, ``AppError/Code/configuration`` when the database named is not the one the
    ///   data directory recorded.
    public func run(handlingSignals: Bool, onReady: @escaping @Sendable (SandboxEndpoints) async -> Void) async throws(AppError) {
        let directory = try DataDirectory(configuration.dataDirectory)
        let lock = try DataDirectoryLock(directory)
        defer { withExtendedLifetime(lock) {} }
        let recorded = try loadState(directory)
        try Self.checkHost(recorded: recorded, requested: configuration.host, directory: directory)
        let database = try Self.database(recorded: recorded, requested: configuration.database, directory: directory)
        progress(recorded?.provisioned == true ? "Resuming the sandbox in \(directory.root)" : "Creating a sandbox in \(directory.root)")
        let storages = try await openStorages(directory, database: database, resuming: recorded != nil)
        do {
            let state = try await settleState(recorded, database: database, directory)
            let urls = SandboxURLs(host: configuration.host, ports: state.ports)
            let pki = try SandboxPKI(directory: directory, environment: environment, urls: urls, lifetimes: configuration.lifetimes)
            progress("TLS root: \(directory.path(SandboxPKI.tlsRootFile))")
            try await serve(directory: directory, state: state, urls: urls, pki: pki, storages: storages, handlingSignals: handlingSignals, onReady: onReady)
        } catch {
            await Self.close(storages)
            throw error
        }
        await Self.close(storages)
    }

    /// The state kept from an earlier start, if any (a state written before the demo PBX existed gains
    /// its password).
    private func loadState(_ directory: DataDirectory) throws(AppError) -> SandboxState? {
        guard var state = try SandboxState.load(from: directory) else { return nil }
        PortPicker.reserve(state.ports)
        if state.pbxPassword == nil {
            state.pbxPassword = environment.credential()
            try state.save(to: directory)
        }
        return state
    }

    /// The state to run with: the recorded one (recording the database's URL again when its
    /// credentials or options changed), or on first start a new one with ports, secrets and the
    /// database, saved only now that the databases are open and checked.
    private func settleState(_ recorded: SandboxState?, database: SandboxDatabase?, _ directory: DataDirectory) async throws(AppError) -> SandboxState {
        if var state = recorded {
            if state.database != database || state.host == nil {
                state.database = database
                state.host = configuration.host
                try state.save(to: directory)
            }
            return state
        }
        let state = SandboxState(
            ports: try await PortPicker.resolve(configuration.ports, host: configuration.host, preferStandard: configuration.prefersStandardRepositoryPort, random: environment.random),
            adminSecret: environment.credential(length: 32), providerPassword: environment.credential(),
            enterprisePassword: environment.credential(), provisioned: false, pbxPassword: environment.credential(), pbxProvisioned: false,
            database: database, host: configuration.host
        )
        try state.save(to: directory)
        return state
    }

    /// Refuses to resume a data directory under another host than the one it was created for: its
    /// certificates name CRL and `x5u` URLs on that host, and its TLS server certificate that host, so
    /// nothing issued before would verify or connect. A state from before hosts were recorded is
    /// taken to be on the requested host.
    static func checkHost(recorded: SandboxState?, requested: String, directory: DataDirectory) throws(AppError) {
        guard let kept = recorded?.host, kept != requested else { return }
        throw AppError(
            .configuration,
            "\(directory.root) was created for host \(kept), and its certificates name URLs on it; "
                + "start it with --host \(kept), or give another --data directory for \(requested)"
        )
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "shaken.sandbox")
        logger.logLevel = .error
        return logger
    }()
}
