import ACMECore
import ACMETesting
import Foundation
import STIRTesting
import Synchronization
import TNAuthList
import Testing

@Suite("Issuance probe: the durable steps of finalize, in order")
struct IssuanceProbeTests {
    /// Collects the steps a probe sees.
    final class Steps: Sendable {
        let seen = Mutex<[(IssuanceProbe.Step, ACMEOrder.ID)]>([])
        var probe: IssuanceProbe { IssuanceProbe { step, order in self.seen.withLock { $0.append((step, order)) } } }
        var steps: [IssuanceProbe.Step] { seen.withLock { $0.map(\.0) } }
        var orders: Set<ACMEOrder.ID> { seen.withLock { Set($0.map(\.1)) } }
    }

    @Test("a successful finalize reports processing, reserved, signed, recorded, valid for its order")
    func successfulIssuance() async throws {
        let steps = Steps()
        let harness = Harness(probe: steps.probe)
        let (client, order) = try await CrashRecoveryTests.readyOrder(harness, jti: "probe")
        #expect(steps.steps.isEmpty, "nothing is reported before finalize")
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let finalized = try await harness.finalize(client, order: order, csr: Harness.csr(list, key: TestPKI.key("s")))
        #expect(finalized.status == .valid)
        #expect(steps.steps == IssuanceProbe.Step.allCases)
        #expect(steps.steps == [.orderProcessing, .serialReserved, .signed, .recorded, .orderValid])
        #expect(steps.orders == [order.id])
    }

    @Test("a refused record stops the report after signed; the order ends invalid")
    func refusedRecord() async throws {
        let steps = Steps()
        let harness = Harness(ledger: RefusingLedger(), probe: steps.probe)
        let (client, order) = try await CrashRecoveryTests.readyOrder(harness, jti: "probe-refused")
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        await #expect(throws: ACMEError(.serverInternal, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(list, key: TestPKI.key("s")))
        }
        #expect(steps.steps == [.orderProcessing, .serialReserved, .signed])
        #expect(await harness.orders.order(order.id)?.status == .invalid)
    }

    @Test("a CSR refused before any reservation reports only processing")
    func refusedCSR() async throws {
        let steps = Steps()
        let harness = Harness(probe: steps.probe)
        let (client, order) = try await CrashRecoveryTests.readyOrder(harness, jti: "probe-csr")
        let other = try TNAuthorizationList([.spc(ServiceProviderCode("9999"))])
        await #expect(throws: ACMEError(.badCSR, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(other, key: TestPKI.key("s")))
        }
        #expect(steps.steps == [.orderProcessing])
    }

    @Test("the step names are the fault-injection vocabulary", arguments: [
        (IssuanceProbe.Step.orderProcessing, "processing"), (.serialReserved, "reserved"), (.signed, "signed"), (.recorded, "recorded"),
        (.orderValid, "valid"),
    ])
    func stepNames(step: IssuanceProbe.Step, name: String) {
        #expect(step.rawValue == name)
        #expect(IssuanceProbe.Step(rawValue: name) == step)
    }
}
