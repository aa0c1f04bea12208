import ACMECore
import ACMETesting
import Foundation
import JOSE
import STIRTesting
import TNAuthList
import Testing

@Suite("Crash safety: serial reserved before signing, reconciler, collisions")
struct CrashRecoveryTests {
    static func readyOrder(_ harness: Harness, jti: String) async throws -> (Harness.Client, ACMEOrder) {
        let client = try await harness.newAccount("sp-" + jti)
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let order = try await harness.newOrder(client, list)
        _ = try await harness.respond(client, order: order, token: try harness.token(client, list, jti: jti))
        return (client, order)
    }

    @Test("a crash between reserve and record: the reconciler fails the order, the serial stays reserved and unused")
    func crashBeforeRecord() async throws {
        let harness = Harness()
        let (_, order) = try await Self.readyOrder(harness, jti: "crash")
        // The process dies after these two durable steps and before signing.
        #expect(await harness.orders.markOrderProcessing(order.id, at: harness.world.now))
        let serial = CertificateSerial(bytes: [0x40, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try await harness.ledger.reserveSerial(SerialReservation(serial: serial, orderID: order.id, accountID: order.accountID, reservedAt: harness.world.now)))

        let reconciler = ACMEReconciler(orders: harness.orders, ledger: harness.ledger)
        let early = try await reconciler.reconcile(now: harness.world.now + 60, bound: 300)
        #expect(early.failed.isEmpty, "a recent order is left to its finalize call")
        harness.world.advance(301)
        let report = try await reconciler.reconcile(now: harness.world.now, bound: 300)
        #expect(report.failed == [order.id])
        #expect(await harness.orders.order(order.id)?.status == .invalid)
        #expect(await harness.orders.ordersProcessing(startedBefore: .distantFuture).isEmpty)
        #expect(try await harness.ledger.certificate(serial) == nil, "no certificate without its record")
        #expect(try await harness.ledger.reserveSerial(SerialReservation(serial: serial, orderID: order.id, accountID: order.accountID, reservedAt: harness.world.now)) == false,
                "the gap serial is never reused")
    }

    @Test("a crash after record but before the order completed: the reconciler completes the order")
    func crashAfterRecord() async throws {
        let harness = Harness()
        let (_, order) = try await Self.readyOrder(harness, jti: "late")
        #expect(await harness.orders.markOrderProcessing(order.id, at: harness.world.now))
        let serial = CertificateSerial(bytes: [0x40, 8, 7, 6, 5, 4, 3, 2, 1])
        _ = try await harness.ledger.reserveSerial(SerialReservation(serial: serial, orderID: order.id, accountID: order.accountID, reservedAt: harness.world.now))
        let record = IssuedCertificate(serial: serial, accountID: order.accountID, orderID: order.id, der: [0x30, 0], chainPEM: "", issuedAt: harness.world.now, notAfter: harness.world.now + 86_400)
        #expect(try await harness.ledger.recordIssuance(record))
        harness.world.advance(600)
        let report = try await ACMEReconciler(orders: harness.orders, ledger: harness.ledger).reconcile(now: harness.world.now, bound: 300)
        #expect(report.completed == [order.id])
        #expect(await harness.orders.order(order.id)?.certificateSerial == serial)
    }

    @Test("reconcileAll settles an order that entered processing just now, or after now on a clock stepped back")
    func reconcileAllIgnoresTime() async throws {
        let harness = Harness()
        let (_, recent) = try await Self.readyOrder(harness, jti: "recent")
        let (_, ahead) = try await Self.readyOrder(harness, jti: "ahead")
        #expect(await harness.orders.markOrderProcessing(recent.id, at: harness.world.now))
        #expect(await harness.orders.markOrderProcessing(ahead.id, at: harness.world.now + 3_600))
        let reconciler = ACMEReconciler(orders: harness.orders, ledger: harness.ledger)
        #expect(try await reconciler.reconcile(now: harness.world.now, bound: 0).failed.isEmpty, "a time-bounded pass leaves both")
        let report = try await reconciler.reconcileAll()
        #expect(Set(report.failed) == [recent.id, ahead.id])
        #expect(await harness.orders.ordersProcessing(startedBefore: .distantFuture).isEmpty)
    }

    @Test("a failing ledger record leaves the order invalid, never processing")
    func recordFailure() async throws {
        let harness = Harness(ledger: RefusingLedger())
        let (client, order) = try await Self.readyOrder(harness, jti: "refuse")
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        await #expect(throws: ACMEError(.serverInternal, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(list, key: TestPKI.key("s")))
        }
        #expect(await harness.orders.order(order.id)?.status == .invalid)
    }

    @Test("a serial collision is retried with a fresh serial; no serial is recorded twice")
    func collision() async throws {
        let world = TestWorld(seed: 7)
        let ledger = InMemoryCertificateLedger()
        let harness = Harness(world: world, ledger: ledger)
        let (client, order) = try await Self.readyOrder(harness, jti: "collide")
        let taken = world.peekSerial()
        #expect(await ledger.reserveSerial(SerialReservation(serial: taken, orderID: .init("other"), accountID: .init("other"), reservedAt: world.now)))
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let finalized = try await harness.finalize(client, order: order, csr: Harness.csr(list, key: TestPKI.key("s")))
        let serial = try #require(finalized.certificateSerial)
        #expect(serial != taken)
        #expect(await ledger.certificate(taken) == nil)
        #expect(await ledger.certificate(serial)?.orderID == order.id)
    }

    @Test("a generator that only repeats one serial gives up with serverInternal and fails the order")
    func stuckGenerator() async throws {
        let world = TestWorld(seed: 7)
        let ledger = InMemoryCertificateLedger()
        let harness = Harness(world: world, ledger: ledger)
        let (client, order) = try await Self.readyOrder(harness, jti: "stuck")
        world.freezeRandom()
        let taken = world.peekSerial()
        #expect(await ledger.reserveSerial(SerialReservation(serial: taken, orderID: .init("other"), accountID: .init("other"), reservedAt: world.now)))
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        await #expect(throws: ACMEError(.serverInternal, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(list, key: TestPKI.key("s")))
        }
        #expect(await harness.orders.order(order.id)?.status == .invalid)
    }
}

/// A ledger that reserves but refuses every record, standing in for a failed final write.
actor RefusingLedger: CertificateLedger {
    let inner = InMemoryCertificateLedger()
    func certificate(_ serial: CertificateSerial) async -> IssuedCertificate? { await inner.certificate(serial) }
    func certificate(forOrder id: ACMEOrder.ID) async -> IssuedCertificate? { nil }
    func certificates(of account: ACMEAccount.ID) async -> [IssuedCertificate] { [] }
    func reserveSerial(_ reservation: SerialReservation) async -> Bool { await inner.reserveSerial(reservation) }
    func recordIssuance(_ certificate: IssuedCertificate) async -> Bool { false }
    func markRevoked(_ serial: CertificateSerial, reason: Int, at date: Date) async -> RevocationOutcome { .unknown }
    func unrecordedReservations(before date: Date) async -> [SerialReservation] { await inner.unrecordedReservations(before: date) }
}
