import ACMECore
import App
import Crypto
import Foundation
import HTTPClient
import Synchronization
import Testing
import X509

extension StandardPortSuites {
    /// The sandbox killed with SIGKILL at seeded random moments while clients issue concurrently at the
    /// STI-CA and the STI-SCA, restarted after each kill (issue 3 item 10).
    @Suite("A sandbox killed at random moments under concurrent issuance loses nothing", .serialized)
    struct RandomKillTests {
        static let rounds = 5
        static let workers = 4
        static let seed: UInt64 = 0x5EED_0010

        /// What one worker obtained before the kill.
        struct WorkerResult: Sendable {
            let authority: SandboxFaultInjection.Authority
            let account: ACMEAccount.ID
            let certificates: [Certificate]
            let unexpectedError: String?
        }

        @Test("N concurrent issuances, SIGKILL at a seeded random moment, restart, several rounds: every certificate handed out is in the ledger, no serial twice, no order stuck",
              .enabled(if: SignalTests.binaryIsBuilt, "build the shaken binary first"))
        func randomKills() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-random-kill-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var generator = SplitMix64(seed: Self.seed)
            var handedOut: [SandboxFaultInjection.Authority: [Certificate]] = [:]
            var accounts: [SandboxFaultInjection.Authority: [ACMEAccount.ID]] = [:]
            var reconciled: [String] = []
            for round in 0..<Self.rounds {
                let sandbox = try await SandboxProcess.launch(directory, logName: "round-\(round)")
                defer { sandbox.removeLog() }
                reconciled += sandbox.logText.split(separator: "\n").map(String.init).filter { $0.contains("reconciled") }
                let delay = Duration.milliseconds(Int.random(in: 300...6_000, using: &generator))
                let results = try await Self.load(sandbox, killAfter: delay)
                #expect(await sandbox.waitForExit(), "round \(round): the sandbox is still running")
                #expect(sandbox.wasKilled, "round \(round): the sandbox did not die by SIGKILL:\n\(sandbox.logText)")
                for result in results {
                    handedOut[result.authority, default: []] += result.certificates
                    accounts[result.authority, default: []].append(result.account)
                    #expect(result.unexpectedError == nil, "round \(round): an issuance failed before the kill: \(result.unexpectedError ?? "")")
                }
            }

            let final = try await SandboxProcess.launch(directory, logName: "final")
            defer { final.removeLog() }
            reconciled += final.logText.split(separator: "\n").map(String.init).filter { $0.contains("reconciled") }
            do {
                let endpoints = try final.endpoints()
                try await HTTPSClient.withClient(try SandboxProcess.clientConfiguration(endpoints)) { transport in
                    for authority in SandboxFaultInjection.Authority.allCases {
                        let driver = try await IssuanceDriver.connect(
                            endpoints: endpoints, authority: authority, accountKey: P256.Signing.PrivateKey(), transport: transport
                        )
                        let chain = try await driver.issue()
                        let leaf = try #require(chain.first)
                        #expect(!(handedOut[authority] ?? []).contains { $0.serialNumber == leaf.serialNumber }, "a serial handed out before was issued again")
                        handedOut[authority, default: []].append(leaf)
                        accounts[authority, default: []].append(try await driver.accountID)
                    }
                }
            } catch {
                _ = await final.stop()
                throw error
            }
            #expect(await final.stop(), "the final sandbox did not stop cleanly:\n\(final.logText)")

            for authority in SandboxFaultInjection.Authority.allCases {
                let audit = try await LedgerAudit.read(directory: directory, authority: authority, accounts: accounts[authority] ?? [])
                let violations = audit.violations(handedOut: handedOut[authority] ?? [])
                #expect(violations.isEmpty, "\(authority.rawValue): \(violations)")
                #expect(!(handedOut[authority] ?? []).isEmpty)
                #expect(audit.certificates.count >= (handedOut[authority] ?? []).count)
            }
            print("random kills: \(handedOut.values.map(\.count).reduce(0, +)) certificates handed out; \(reconciled)")
        }

        /// Connects `workers` clients (alternately STI-CA and STI-SCA), then issues in a loop on each
        /// until the process dies, which a killer task causes after `delay`.
        static func load(_ sandbox: SandboxProcess, killAfter delay: Duration) async throws -> [WorkerResult] {
            let endpoints = try sandbox.endpoints()
            let killed = KillFlag()
            return try await HTTPSClient.withClient(try SandboxProcess.clientConfiguration(endpoints)) { transport in
                var drivers: [IssuanceDriver] = []
                for worker in 0..<workers {
                    let authority: SandboxFaultInjection.Authority = worker.isMultiple(of: 2) ? .certificationAuthority : .subordinateAuthority
                    drivers.append(try await IssuanceDriver.connect(
                        endpoints: endpoints, authority: authority, accountKey: P256.Signing.PrivateKey(), transport: transport
                    ))
                }
                return try await withThrowingTaskGroup(of: WorkerResult?.self) { group in
                    for driver in drivers {
                        group.addTask {
                            var certificates: [Certificate] = []
                            while true {
                                do {
                                    let chain = try await driver.issue()
                                    if let leaf = chain.first { certificates.append(leaf) }
                                } catch {
                                    let expected = killed.value.load(ordering: .sequentiallyConsistent)
                                    return WorkerResult(
                                        authority: driver.authority, account: try await driver.accountID, certificates: certificates,
                                        unexpectedError: expected ? nil : "\(error)"
                                    )
                                }
                            }
                        }
                    }
                    group.addTask {
                        try await Task.sleep(for: delay)
                        killed.value.store(true, ordering: .sequentiallyConsistent)
                        sandbox.sendKill()
                        return nil
                    }
                    var results: [WorkerResult] = []
                    for try await result in group {
                        if let result { results.append(result) }
                    }
                    return results
                }
            }
        }
    }
}

/// Set once the killer task has decided to kill: errors after it are the kill's.
final class KillFlag: Sendable {
    let value = Atomic<Bool>(false)
}

/// SplitMix64: a small seeded generator, so that the kill moments repeat from run to run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49EB_311C_EB31
        return z ^ (z >> 31)
    }
}
