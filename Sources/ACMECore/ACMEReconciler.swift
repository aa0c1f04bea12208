import Foundation

/// Repairs orders left in `processing` by a crash (ATIS-1000080 CA durability; Boulder's "stuck
/// orders"): an order whose certificate was recorded becomes `valid`; one without becomes `invalid`.
/// A serial reserved without a certificate stays reserved, so it is never reused.
public struct ACMEReconciler: Sendable {
    /// What one pass changed.
    public struct Report: Hashable, Sendable {
        /// Orders completed from a recorded certificate.
        public var completed: [ACMEOrder.ID] = []
        /// Orders failed because issuance was interrupted.
        public var failed: [ACMEOrder.ID] = []
    }

    private let orders: any OrderStore
    private let ledger: any CertificateLedgerReader

    /// Creates a reconciler over the stores.
    public init(orders: any OrderStore, ledger: any CertificateLedgerReader) {
        self.orders = orders
        self.ledger = ledger
    }

    /// Settles every order in `processing`, whenever it entered it (a clock stepped back since then
    /// included). Only for a caller that knows no finalize is running, e.g. at the start of the one
    /// process that owns the stores.
    ///
    /// - Throws: ``ACMEError/Code/serverInternal`` if a store fails.
    public func reconcileAll() async throws(ACMEError) -> Report {
        try await reconcile(now: .distantFuture, bound: 0)
    }

    /// Settles every order that entered `processing` more than `bound` seconds before `now`.
    ///
    /// - Throws: ``ACMEError/Code/serverInternal`` if a store fails.
    public func reconcile(now: Date, bound: TimeInterval) async throws(ACMEError) -> Report {
        var report = Report()
        do {
            for order in try await orders.ordersProcessing(startedBefore: now.addingTimeInterval(-bound)) {
                if let certificate = try await ledger.certificate(forOrder: order.id) {
                    if try await orders.completeOrder(order.id, certificate: certificate.serial) {
                        report.completed.append(order.id)
                    }
                } else {
                    let error = ACMEError(.serverInternal, "issuance was interrupted; place a new order")
                    if try await orders.failOrder(order.id, error: error) {
                        report.failed.append(order.id)
                    }
                }
            }
        } catch {
            throw .serverInternal("reconciliation: \(error)")
        }
        return report
    }
}
