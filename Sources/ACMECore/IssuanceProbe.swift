/// An observer of the durable steps of one issuance (RFC 8555 §7.4 finalize; ATIS-1000080 CA
/// durability), injected into ``ACMEIssuer`` so that a composition root can watch issuance or
/// inject faults at a precise point. The domain only reports; ``none`` does nothing.
///
/// Steps are reported in this order: ``Step/orderProcessing``, ``Step/serialReserved``,
/// ``Step/signed``, ``Step/recorded``, ``Step/orderValid``. A step is reported after the state it
/// names is durable in the stores and before the next one starts.
public struct IssuanceProbe: Sendable {
    /// A point of the issuance sequence.
    public enum Step: String, CaseIterable, Hashable, Sendable {
        /// The order moved `ready` → `processing` (RFC 8555 §7.1.6); nothing reserved yet.
        case orderProcessing = "processing"
        /// The serial is reserved in the ``CertificateLedger``; nothing signed yet.
        case serialReserved = "reserved"
        /// The certificate is signed and not yet recorded.
        case signed
        /// The certificate is recorded in the ledger; the order is still `processing`.
        case recorded
        /// The order is `valid` with its certificate; the finalize response is not sent yet.
        case orderValid = "valid"
    }

    private let observe: @Sendable (Step, ACMEOrder.ID) -> Void

    /// A probe calling `observe` with each step and the order it concerns.
    public init(_ observe: @escaping @Sendable (Step, ACMEOrder.ID) -> Void) {
        self.observe = observe
    }

    /// The probe that ignores every step.
    public static let none = IssuanceProbe { _, _ in }

    /// Reports that `order` reached `step`.
    public func reached(_ step: Step, order: ACMEOrder.ID) {
        observe(step, order)
    }
}
