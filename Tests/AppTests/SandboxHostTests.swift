import Foundation
import Testing

@testable import App

@Suite("A data directory keeps the host its certificates name")
struct SandboxHostTests {
    static func state(host: String?) -> SandboxState {
        SandboxState(
            ports: .init(policyAdministrator: 1, certificationAuthority: 2, subordinateAuthority: 3, repository: 4), adminSecret: "a",
            providerPassword: "b", enterprisePassword: "c", provisioned: true, pbxPassword: "d", pbxProvisioned: true, database: nil, host: host
        )
    }

    @Test("resuming under another host is refused with .configuration naming both; the same host, a first start and an unrecorded host pass")
    func hostChecked() throws {
        let directory = try DataDirectory(FileManager.default.temporaryDirectory.appendingPathComponent("host-\(UUID().uuidString)").path)
        defer { try? FileManager.default.removeItem(atPath: directory.root) }
        #expect(throws: Never.self) { try Sandbox.checkHost(recorded: Self.state(host: "127.0.0.1"), requested: "127.0.0.1", directory: directory) }
        #expect(throws: Never.self) { try Sandbox.checkHost(recorded: nil, requested: "10.0.0.5", directory: directory) }
        #expect(throws: Never.self) { try Sandbox.checkHost(recorded: Self.state(host: nil), requested: "10.0.0.5", directory: directory) }
        do {
            try Sandbox.checkHost(recorded: Self.state(host: "127.0.0.1"), requested: "10.0.0.5", directory: directory)
            Issue.record("a resume under another host was accepted")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.reason.contains("--host 127.0.0.1") && error.reason.contains("10.0.0.5"), "\(error)")
        }
    }
}
