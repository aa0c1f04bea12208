import Foundation

/// Read access to orders, authorizations and challenges (RFC 8555 §7.1.3–§7.1.5).
public protocol OrderReader: Sendable {
    /// The order with `id`, if any.
    func order(_ id: ACMEOrder.ID) async throws -> ACMEOrder?
    /// The authorization with `id`, if any.
    func authorization(_ id: ACMEAuthorization.ID) async throws -> ACMEAuthorization?
    /// The challenge with `id`, if any.
    func challenge(_ id: ACMEChallenge.ID) async throws -> ACMEChallenge?
    /// The orders of an account, oldest first (§7.1.2.1).
    func orders(of account: ACMEAccount.ID) async throws -> [ACMEOrder]
    /// Orders in `processing` that entered it before `date`, for the reconciler.
    func ordersProcessing(startedBefore date: Date) async throws -> [ACMEOrder]
}

/// The result of validating a challenge, recorded by ``OrderStore/finalizeAuthorization(_:challenge:outcome:)``.
public enum AuthorizationOutcome: Hashable, Sendable {
    /// The challenge validated at the date; `grantsCA` records the SPC token's `atc.ca`.
    case valid(at: Date, grantsCA: Bool)
    /// The challenge failed with the error.
    case invalid(ACMEError)
}

/// Order lifecycle writes, each a compare-and-set that returns whether it applied (RFC 8555 §7.1.6).
public protocol OrderStore: OrderReader {
    /// Stores a new pending order with its pending authorizations and challenges (§7.4).
    func createOrder(_ order: ACMEOrder, authorizations: [ACMEAuthorization]) async throws
    /// `pending` → `processing` for a challenge whose authorization is pending (§7.5.1).
    func markChallengeProcessing(_ id: ACMEChallenge.ID) async throws -> Bool
    /// Records a validation result: challenge `processing` → `valid`/`invalid` and its authorization
    /// `pending` → `valid`/`invalid` together (§7.5.1).
    func finalizeAuthorization(_ id: ACMEAuthorization.ID, challenge: ACMEChallenge.ID, outcome: AuthorizationOutcome) async throws -> Bool
    /// `pending`/`valid` → `deactivated` for an authorization (§7.5.2).
    func deactivateAuthorization(_ id: ACMEAuthorization.ID) async throws -> Bool
    /// `pending` → `ready` (§7.1.6).
    func markOrderReady(_ id: ACMEOrder.ID) async throws -> Bool
    /// `ready` → `processing`, stamping the time (§7.4).
    func markOrderProcessing(_ id: ACMEOrder.ID, at date: Date) async throws -> Bool
    /// `processing` → `valid` with the issued certificate's serial (§7.4).
    func completeOrder(_ id: ACMEOrder.ID, certificate serial: CertificateSerial) async throws -> Bool
    /// `pending`/`ready`/`processing` → `invalid` with the error (§7.1.6).
    func failOrder(_ id: ACMEOrder.ID, error: ACMEError) async throws -> Bool
}
