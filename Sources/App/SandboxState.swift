import Foundation

/// What a sandbox keeps in `<data>/sandbox.json` between runs: its ports, its host, the generated
/// secrets, its database and whether first-start provisioning completed.
struct SandboxState: Hashable, Sendable, Codable {
    var ports: SandboxConfiguration.Ports
    var adminSecret: String
    var providerPassword: String
    var enterprisePassword: String
    var provisioned: Bool
    /// The demo PBX's password; absent in states written before the PBX existed.
    var pbxPassword: String?
    /// Whether the demo PBX is registered at the provider.
    var pbxProvisioned: Bool?
    /// The PostgreSQL database the authorities keep their records in, with the credentials to reach
    /// it (the file is owner-only); `nil` for SQLite under the data directory, as in states written
    /// before PostgreSQL was offered.
    var database: SandboxDatabase?
    /// The host every URL names (the certificates' CRL and x5u URLs, the TLS server certificate);
    /// `nil` in states written before it was recorded.
    var host: String?

    static let fileName = "sandbox.json"

    static func load(from directory: DataDirectory) throws(AppError) -> SandboxState? {
        guard let data = try directory.read(fileName) else { return nil }
        do {
            return try JSONDecoder().decode(SandboxState.self, from: data)
        } catch {
            throw AppError(.corruptState, "\(directory.path(fileName)) does not decode: \(error)")
        }
    }

    func save(to directory: DataDirectory) throws(AppError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try directory.write(try encoder.encode(self), to: Self.fileName, secret: true)
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.corruptState, "cannot encode the sandbox state: \(error)")
        }
    }
}
