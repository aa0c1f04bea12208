import CertificateRevocation
import Foundation
import PolicyAdministration
import SQLKit
import SwiftASN1
import X509

/// PolicyAdministration's ``RevocationStore`` on SQL (ATIS-1000080 §6.3.4; RFC 5280 §5.2.3 CRL number):
/// table `pa_revocations`, UNIQUE (serial, issuer DER), listed in insertion order; the CRL number is a
/// row of `pa_counters` incremented by one `UPDATE … RETURNING`, so numbers never repeat, across restarts too.
public struct SQLRevocationStore: RevocationStore {
    let engine: SQLEngine

    /// See ``RevocationStore/recordRevocation(_:)``.
    public func recordRevocation(_ record: RevocationRecord) async throws {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(record.issuer)
        } catch {
            throw StorageSQLError(.queryFailed, "issuer name does not encode: \(error)")
        }
        let inserted = try await engine.rows("""
            INSERT INTO pa_revocations (serial_number, issuer, reason, revoked_at)
            VALUES (\(bind: Array(record.serialNumber.bytes).storedValue), \(bind: serializer.serializedBytes.storedValue),
                \(bind: Int64(record.reason.rawValue)), \(bind: record.revokedAt.storedValue))
            ON CONFLICT DO NOTHING RETURNING seq
            """)
        guard !inserted.isEmpty else {
            throw PolicyAdministrationError(.alreadyRevoked, "serial \(record.serialNumber) of \(record.issuer) is already revoked")
        }
    }

    /// See ``RevocationStore/revocations()``.
    public func revocations() async throws -> [RevocationRecord] {
        try await engine.rows("SELECT serial_number, issuer, reason, revoked_at FROM pa_revocations ORDER BY seq").map { row in
            let issuer: DistinguishedName
            do {
                issuer = try DistinguishedName(derEncoded: DER.parse(try row.bytes("issuer")))
            } catch {
                throw StorageSQLError(.corruptRecord, "pa_revocations.issuer does not decode: \(error)")
            }
            let code = try row.int64("reason")
            guard let reason = RevocationReason(rawValue: Int(code)) else {
                throw StorageSQLError(.corruptRecord, "pa_revocations.reason holds \(code)")
            }
            return RevocationRecord(
                serialNumber: Certificate.SerialNumber(bytes: try row.bytes("serial_number")), issuer: issuer, reason: reason,
                revokedAt: try row.date("revoked_at")
            )
        }
    }

    /// See ``RevocationStore/allocateCRLNumber()``.
    public func allocateCRLNumber() async throws -> UInt64 {
        guard let row = try await engine.firstRow("UPDATE pa_counters SET value = value + 1 WHERE name = 'crl_number' RETURNING value") else {
            throw StorageSQLError(.corruptRecord, "pa_counters has no crl_number row")
        }
        let value = try row.int64("value")
        guard value > 0 else { throw StorageSQLError(.corruptRecord, "crl_number counter holds \(value)") }
        return UInt64(value)
    }
}
