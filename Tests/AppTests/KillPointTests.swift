import ACMECore
import App
import Crypto
import Foundation
import HTTPClient
import SwiftASN1
import Testing
import X509

extension StandardPortSuites {
    /// The STI-CA and STI-SCA killed with SIGKILL at each durable step of one issuance (the
    /// `SHAKEN_FAULT_KILL_AT` switch), then restarted: nothing lost, nothing stuck, no serial twice
    /// (issue 3 item 10).
    @Suite("A sandbox killed at each issuance step recovers on restart", .serialized)
    struct KillPointTests {
        static var binaryIsBuilt: Bool { SignalTests.binaryIsBuilt }

        static let cases: [(SandboxFaultInjection.Authority, IssuanceProbe.Step)] =
            SandboxFaultInjection.Authority.allCases.flatMap { authority in IssuanceProbe.Step.allCases.map { (authority, $0) } }

        /// Whether the certificate exists once `step` was reached (recorded before the kill).
        static func isRecorded(at step: IssuanceProbe.Step) -> Bool { step == .recorded || step == .orderValid }

        @Test("killed at the step, restarted: the order is settled, its certificate recorded and downloadable, serials unique, issuance works",
              .enabled(if: binaryIsBuilt, "build the shaken binary first"), arguments: cases)
        func killedAtStep(authority: SandboxFaultInjection.Authority, step: IssuanceProbe.Step) async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-kill-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let fault = SandboxFaultInjection(step: step, authority: authority)
            // Provisioning obtains the STI-SCA's certificate from the STI-CA: it runs unarmed first.
            let provisioning = try await SandboxProcess.launch(directory, logName: "provisioning")
            defer { provisioning.removeLog() }
            #expect(await provisioning.stop(), "the provisioning run did not stop cleanly:\n\(provisioning.logText)")
            let publishedBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: directory + "/cr")) ?? [])
            let armed = try await SandboxProcess.launch(directory, faultInjection: fault.description, logName: "armed")
            defer { armed.removeLog() }
            let accountKey = P256.Signing.PrivateKey()
            let endpoints = try armed.endpoints()
            let trust = try SandboxProcess.clientConfiguration(endpoints)

            let (orderURL, accountID) = try await HTTPSClient.withClient(trust) { transport in
                let driver = try await IssuanceDriver.connect(endpoints: endpoints, authority: authority, accountKey: accountKey, transport: transport)
                let order = try await driver.readyOrder()
                do {
                    let finished = try await driver.finalize(order)
                    Issue.record("finalize answered \(finished.status) although the issuer was to die at \(fault.description)")
                } catch {
                    // The connection drops with the process: any transport error is the expected outcome.
                }
                return (order.url, try await driver.accountID)
            }
            guard await armed.waitForExit() else {
                armed.sendKill()
                _ = await armed.waitForExit()
                Issue.record("the armed sandbox did not die at \(fault.description):\n\(armed.logText)")
                return
            }
            #expect(armed.wasKilled, "the sandbox did not die by SIGKILL:\n\(armed.logText)")
            #expect(armed.logText.contains("killing the process at \(authority.rawValue):\(step.rawValue)"), "\(armed.logText)")

            let publishedByKilled = Set(try FileManager.default.contentsOfDirectory(atPath: directory + "/cr")).subtracting(publishedBefore)
            #expect(publishedByKilled.count == (Self.isRecorded(at: step) ? 1 : 0), "\(publishedByKilled)")
            if step == .recorded {
                // As if the process had died between the ledger record and the STI-CR publication:
                // the restart publishes the recovered chain again.
                for name in publishedByKilled { try FileManager.default.removeItem(atPath: directory + "/cr/" + name) }
            }
            let restarted = try await SandboxProcess.launch(directory, logName: "restarted")
            defer { restarted.removeLog() }
            if step != .orderValid {
                #expect(restarted.logText.contains("reconciled"), "the restart settled nothing:\n\(restarted.logText)")
            }
            var handedOut: [Certificate] = []
            do {
                try await HTTPSClient.withClient(trust) { transport in
                    let driver = try await IssuanceDriver.connect(endpoints: endpoints, authority: authority, accountKey: accountKey, transport: transport)
                    let order = try await driver.acme.order(at: orderURL)
                    if Self.isRecorded(at: step) {
                        #expect(order.status == "valid", "\(order)")
                        let url = try #require(order.certificate)
                        let chain = try await driver.acme.downloadChain(at: url)
                        let leaf = try #require(chain.first)
                        #expect(try await driver.published(leaf.serialNumber) == chain, "the STI-CR does not serve the recovered chain")
                        handedOut.append(leaf)
                    } else {
                        #expect(order.status == "invalid", "\(order)")
                        #expect(order.error?.type == "urn:ietf:params:acme:error:serverInternal", "\(String(describing: order.error))")
                        #expect(order.certificate == nil)
                    }
                    let fresh = try await driver.issue()
                    let leaf = try #require(fresh.first)
                    #expect(try await driver.published(leaf.serialNumber) == fresh)
                    #expect(!handedOut.contains { $0.serialNumber == leaf.serialNumber })
                    handedOut.append(leaf)
                }
            } catch {
                _ = await restarted.stop()
                throw error
            }
            #expect(await restarted.stop(), "the restarted sandbox did not stop cleanly:\n\(restarted.logText)")

            let audit = try await LedgerAudit.read(directory: directory, authority: authority, accounts: [accountID])
            #expect(audit.violations(handedOut: handedOut).isEmpty, "\(audit.violations(handedOut: handedOut))")
            #expect(audit.orders.count == 2)
            #expect(audit.certificates.count == handedOut.count)
            let killedOrder = try #require(orderURL.split(separator: "/").last.map { ACMEOrder.ID(rawValue: String($0)) })
            let gaps = audit.unrecorded.filter { $0.orderID == killedOrder }
            switch step {
            case .serialReserved, .signed:
                #expect(gaps.count == 1, "the reserved serial of the killed order stays reserved (never reused): \(gaps)")
                #expect(audit.certificate(of: killedOrder) == nil, "no certificate without its record")
            case .orderProcessing:
                #expect(gaps.isEmpty && audit.certificate(of: killedOrder) == nil)
            case .recorded, .orderValid:
                #expect(gaps.isEmpty && audit.certificate(of: killedOrder) != nil)
            }
        }

        @Test("killed while the STI-CA issues the STI-SCA's certificate at first start, the restart settles that order and finishes provisioning",
              .enabled(if: binaryIsBuilt, "build the shaken binary first"), arguments: IssuanceProbe.Step.allCases)
        func killedWhileProvisioning(step: IssuanceProbe.Step) async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-kill-provisioning-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let fault = SandboxFaultInjection(step: step, authority: .certificationAuthority)
            do {
                let never = try await SandboxProcess.launch(directory, faultInjection: fault.description, logName: "armed")
                _ = await never.stop()
                never.removeLog()
                Issue.record("the sandbox got ready although provisioning was to die at \(fault.description)")
                return
            } catch let error as SandboxProcessError {
                #expect(error.description.contains("killing the process at \(fault.description)"), "\(error)")
            }

            let restarted = try await SandboxProcess.launch(directory, logName: "restarted")
            defer { restarted.removeLog() }
            #expect(restarted.logText.contains("STI-CA: reconciled") == (step != .orderValid), "\(restarted.logText)")
            #expect(await restarted.stop(), "the restarted sandbox did not stop cleanly:\n\(restarted.logText)")

            let chain = try #require(try PEMDocument.parseMultiple(pemString: String(contentsOfFile: directory + "/sca/ca.pem", encoding: .utf8)).first)
            let subordinate = try Certificate(derEncoded: chain.derBytes)
            let record = try await LedgerAudit.record(directory: directory, authority: .certificationAuthority, serial: CertificateSerial(subordinate.serialNumber))
            #expect(record?.der == chain.derBytes, "the STI-SCA's certificate has no ledger record at the STI-CA")
            let audit = try await LedgerAudit.read(directory: directory, authority: .certificationAuthority, accounts: [])
            #expect(audit.violations().isEmpty, "\(audit.violations())")
            #expect(audit.unrecorded.count == (step == .serialReserved || step == .signed ? 1 : 0), "\(audit.unrecorded)")
        }
    }
}
