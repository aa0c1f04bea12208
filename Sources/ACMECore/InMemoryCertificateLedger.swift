import Foundation

/// The reference ``CertificateLedger``: reservations and certificates in memory.
public actor InMemoryCertificateLedger: CertificateLedger {
    private var reservations: [CertificateSerial: SerialReservation] = [:]
    private var certificates: [CertificateSerial: IssuedCertificate] = [:]

    /// An empty ledger.
    public init() {}

    /// The reference behaviour of the protocol requirement `certificate`.
    public func certificate(_ serial: CertificateSerial) -> IssuedCertificate? { certificates[serial] }

    /// The reference behaviour of the protocol requirement `certificate`.
    public func certificate(forOrder id: ACMEOrder.ID) -> IssuedCertificate? {
        certificates.values.first { $0.orderID == id }
    }

    /// The reference behaviour of the protocol requirement `certificates`.
    public func certificates(of account: ACMEAccount.ID) -> [IssuedCertificate] {
        certificates.values.filter { $0.accountID == account }.sorted { $0.issuedAt < $1.issuedAt }
    }

    /// The reference behaviour of the protocol requirement `reserveSerial`.
    public func reserveSerial(_ reservation: SerialReservation) -> Bool {
        guard reservations[reservation.serial] == nil else { return false }
        reservations[reservation.serial] = reservation
        return true
    }

    /// The reference behaviour of the protocol requirement `recordIssuance`.
    public func recordIssuance(_ certificate: IssuedCertificate) -> Bool {
        guard let reservation = reservations[certificate.serial], reservation.orderID == certificate.orderID,
            certificates[certificate.serial] == nil
        else { return false }
        certificates[certificate.serial] = certificate
        return true
    }

    /// The reference behaviour of the protocol requirement `markRevoked`.
    public func markRevoked(_ serial: CertificateSerial, reason: Int, at date: Date) -> RevocationOutcome {
        guard var certificate = certificates[serial] else { return .unknown }
        guard certificate.revocation == nil else { return .alreadyRevoked }
        certificate.revocation = IssuedCertificate.Revocation(reason: reason, date: date)
        certificates[serial] = certificate
        return .revoked
    }

    /// The reference behaviour of the protocol requirement `unrecordedReservations`.
    public func unrecordedReservations(before date: Date) -> [SerialReservation] {
        reservations.values.filter { certificates[$0.serial] == nil && $0.reservedAt < date }
            .sorted { $0.reservedAt < $1.reservedAt }
    }
}
