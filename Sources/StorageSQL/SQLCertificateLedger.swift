import ACMECore
import Foundation
import SQLKit

/// ACMECore's ``CertificateLedger`` on SQL: tables `acme_serial_reservations` (serial PRIMARY KEY,
/// committed before the caller signs) and `acme_certificates` (one per reserved serial, REFERENCES
/// its reservation). A crash after signing and before recording leaves a reservation without a
/// certificate, never a certificate without a reservation (Boulder's order: reserve, sign, record).
public struct SQLCertificateLedger: CertificateLedger {
    let engine: SQLEngine

    static let columns = "serial, account_id, order_id, der, chain_pem, issued_at, not_after, revocation_reason, revoked_at"

    /// See ``CertificateLedgerReader/certificate(_:)``.
    public func certificate(_ serial: CertificateSerial) async throws -> IssuedCertificate? {
        try await engine.readFirstRow("SELECT \(unsafeRaw: Self.columns) FROM acme_certificates WHERE serial = \(bind: serial.hex)")
            .map(Self.decode)
    }

    /// See ``CertificateLedgerReader/certificate(forOrder:)``.
    public func certificate(forOrder id: ACMEOrder.ID) async throws -> IssuedCertificate? {
        try await engine.readFirstRow("""
            SELECT \(unsafeRaw: Self.columns) FROM acme_certificates WHERE order_id = \(bind: id.rawValue) ORDER BY issued_at, serial
            """).map(Self.decode)
    }

    /// See ``CertificateLedgerReader/certificates(of:)``.
    public func certificates(of account: ACMEAccount.ID) async throws -> [IssuedCertificate] {
        try await engine.readRows("""
            SELECT \(unsafeRaw: Self.columns) FROM acme_certificates WHERE account_id = \(bind: account.rawValue) ORDER BY issued_at, serial
            """).map(Self.decode)
    }

    /// See ``CertificateLedger/reserveSerial(_:)``.
    public func reserveSerial(_ reservation: SerialReservation) async throws -> Bool {
        try await engine.rows("""
            INSERT INTO acme_serial_reservations (serial, order_id, account_id, reserved_at)
            VALUES (\(bind: reservation.serial.hex), \(bind: reservation.orderID.rawValue), \(bind: reservation.accountID.rawValue),
                \(bind: reservation.reservedAt.storedValue))
            ON CONFLICT DO NOTHING RETURNING serial
            """).count == 1
    }

    /// See ``CertificateLedger/recordIssuance(_:)``.
    public func recordIssuance(_ certificate: IssuedCertificate) async throws -> Bool {
        try await engine.transaction { session in
            let reserved = try await session.rows("""
                SELECT serial FROM acme_serial_reservations
                WHERE serial = \(bind: certificate.serial.hex) AND order_id = \(bind: certificate.orderID.rawValue)
                """)
            guard !reserved.isEmpty else { return false }
            return try await session.rows("""
                INSERT INTO acme_certificates (\(unsafeRaw: Self.columns))
                VALUES (\(bind: certificate.serial.hex), \(bind: certificate.accountID.rawValue), \(bind: certificate.orderID.rawValue),
                    \(bind: certificate.der.storedValue), \(bind: certificate.chainPEM), \(bind: certificate.issuedAt.storedValue),
                    \(bind: certificate.notAfter.storedValue), \(bind: certificate.revocation.map { Int64($0.reason) }),
                    \(bind: certificate.revocation?.date.storedValue))
                ON CONFLICT DO NOTHING RETURNING serial
                """).count == 1
        }
    }

    /// See ``CertificateLedger/markRevoked(_:reason:at:)``.
    public func markRevoked(_ serial: CertificateSerial, reason: Int, at date: Date) async throws -> RevocationOutcome {
        try await engine.withSession { session in
            let revoked = try await session.rows("""
                UPDATE acme_certificates SET revocation_reason = \(bind: Int64(reason)), revoked_at = \(bind: date.storedValue)
                WHERE serial = \(bind: serial.hex) AND revoked_at IS NULL RETURNING serial
                """)
            if !revoked.isEmpty { return .revoked }
            let known = try await session.rows("SELECT serial FROM acme_certificates WHERE serial = \(bind: serial.hex)")
            return known.isEmpty ? .unknown : .alreadyRevoked
        }
    }

    /// See ``CertificateLedger/unrecordedReservations(before:)``.
    public func unrecordedReservations(before date: Date) async throws -> [SerialReservation] {
        try await engine.readRows("""
            SELECT r.serial, r.order_id, r.account_id, r.reserved_at FROM acme_serial_reservations r
            LEFT JOIN acme_certificates c ON c.serial = r.serial
            WHERE c.serial IS NULL AND r.reserved_at < \(bind: date.storedValue) ORDER BY r.reserved_at, r.serial
            """).map { row in
            SerialReservation(
                serial: try Self.serial(try row.string("serial")), orderID: .init(try row.string("order_id")),
                accountID: .init(try row.string("account_id")), reservedAt: try row.date("reserved_at")
            )
        }
    }

    static func serial(_ hex: String) throws -> CertificateSerial {
        guard let serial = CertificateSerial(hex: hex) else {
            throw StorageSQLError(.corruptRecord, "stored serial \(hex) is not hex")
        }
        return serial
    }

    static func decode(_ row: any SQLRow) throws -> IssuedCertificate {
        var revocation: IssuedCertificate.Revocation?
        if let reason = try row.optionalInt64("revocation_reason"), let date = try row.optionalDate("revoked_at") {
            revocation = IssuedCertificate.Revocation(reason: Int(reason), date: date)
        }
        return IssuedCertificate(
            serial: try serial(try row.string("serial")), accountID: .init(try row.string("account_id")),
            orderID: .init(try row.string("order_id")), der: try row.bytes("der"), chainPEM: try row.string("chain_pem"),
            issuedAt: try row.date("issued_at"), notAfter: try row.date("not_after"), revocation: revocation
        )
    }
}
