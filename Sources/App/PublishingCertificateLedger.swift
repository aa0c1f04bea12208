import ACMECore
import Foundation
import HTTPServer

/// A certificate ledger that also publishes every chain it records to the STI-CR under a stable name
/// (`<prefix>-<serial hex>`, ATIS-1000080 §6.3.6) and notes revocations in a journal the STI-SCA's
/// CRL is built from. Recording stays the ledger's: publication happens only after the record is kept.
struct PublishingCertificateLedger: CertificateLedger {
    let base: any CertificateLedger
    let repository: any CertificateRepository
    let prefix: String
    let journal: RevocationJournal?

    /// The repository name of the chain with `serial`.
    static func name(prefix: String, serial: CertificateSerial) -> String { prefix + "-" + serial.hex }

    func certificate(_ serial: CertificateSerial) async throws -> IssuedCertificate? { try await base.certificate(serial) }

    func certificate(forOrder id: ACMEOrder.ID) async throws -> IssuedCertificate? { try await base.certificate(forOrder: id) }

    func certificates(of account: ACMEAccount.ID) async throws -> [IssuedCertificate] { try await base.certificates(of: account) }

    func reserveSerial(_ reservation: SerialReservation) async throws -> Bool { try await base.reserveSerial(reservation) }

    func recordIssuance(_ certificate: IssuedCertificate) async throws -> Bool {
        guard try await base.recordIssuance(certificate) else { return false }
        _ = try await repository.publish(chainPEM: certificate.chainPEM, name: Self.name(prefix: prefix, serial: certificate.serial))
        return true
    }

    func markRevoked(_ serial: CertificateSerial, reason: Int, at date: Date) async throws -> RevocationOutcome {
        let outcome = try await base.markRevoked(serial, reason: reason, at: date)
        if outcome == .revoked, let journal {
            try await journal.record(serial: serial, reason: reason, at: date)
        }
        return outcome
    }

    func unrecordedReservations(before date: Date) async throws -> [SerialReservation] {
        try await base.unrecordedReservations(before: date)
    }
}
