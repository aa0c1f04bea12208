import Foundation

/// Read access to issued certificates (RFC 8555 §7.4.2), for downloads and the repository.
public protocol CertificateLedgerReader: Sendable {
    /// The certificate with `serial`, if recorded.
    func certificate(_ serial: CertificateSerial) async throws -> IssuedCertificate?
    /// The certificate recorded for an order, if any.
    func certificate(forOrder id: ACMEOrder.ID) async throws -> IssuedCertificate?
    /// The certificates of an account.
    func certificates(of account: ACMEAccount.ID) async throws -> [IssuedCertificate]
}

/// The outcome of ``CertificateLedger/markRevoked(_:reason:at:)`` (RFC 8555 §7.6).
public enum RevocationOutcome: Hashable, Sendable {
    /// Now revoked.
    case revoked
    /// It was already revoked.
    case alreadyRevoked
    /// No such certificate.
    case unknown
}

/// The CA's record of serials and certificates. A serial is reserved (unique) before anything is
/// signed, so a crash leaves at worst a reserved serial without a certificate, never a certificate
/// without its record (Boulder's "serial committed before signing").
public protocol CertificateLedger: CertificateLedgerReader {
    /// Reserves a serial; returns `false` if the serial was ever reserved before (uniqueness).
    func reserveSerial(_ reservation: SerialReservation) async throws -> Bool
    /// Records a signed certificate against its reservation; returns `false` if there is no
    /// reservation for the serial or a certificate is already recorded for it.
    func recordIssuance(_ certificate: IssuedCertificate) async throws -> Bool
    /// Marks a certificate revoked.
    func markRevoked(_ serial: CertificateSerial, reason: Int, at date: Date) async throws -> RevocationOutcome
    /// Reservations without a recorded certificate made before `date` (harmless gaps; for audits).
    func unrecordedReservations(before date: Date) async throws -> [SerialReservation]
}
