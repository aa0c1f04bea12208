import ACMECore
import App
import Foundation
import StorageSQL
import SwiftASN1
import X509

/// Reads an issuer's durable state (its SQLite database under `<data>/ca` or `<data>/sca`, opened
/// with StorageSQL while the sandbox is stopped) and lists every broken crash invariant (issue 3
/// item 10): an order in `processing`, a valid order without its ledger record, a certificate whose
/// DER serial differs from its record, a serial used twice, a reservation sharing a certificate's
/// serial, and a certificate handed to a client that the ledger does not hold byte for byte.
struct LedgerAudit {
    /// Orders in `processing`, of any account.
    let processing: [ACMEOrder]
    /// The orders of the audited accounts.
    let orders: [ACMEOrder]
    /// The ledger rows of the audited accounts.
    let certificates: [IssuedCertificate]
    /// Every reservation without a certificate.
    let unrecorded: [SerialReservation]

    static func folder(_ authority: SandboxFaultInjection.Authority) -> String {
        authority == .certificationAuthority ? "ca" : "sca"
    }

    /// Reads the state of `authority` in the data directory `directory` for `accounts`.
    static func read(directory: String, authority: SandboxFaultInjection.Authority, accounts: [ACMEAccount.ID]) async throws -> LedgerAudit {
        let storage = try await SQLStorage.open(.sqlite(dataDirectory: directory + "/" + folder(authority)))
        do {
            let audit = try await read(storage, accounts: accounts)
            await storage.close()
            return audit
        } catch {
            await storage.close()
            throw error
        }
    }

    private static func read(_ storage: SQLStorage, accounts: [ACMEAccount.ID]) async throws -> LedgerAudit {
        var orders: [ACMEOrder] = []
        var certificates: [IssuedCertificate] = []
        for account in accounts {
            orders += try await storage.orders.orders(of: account)
            certificates += try await storage.certificateLedger.certificates(of: account)
        }
        return LedgerAudit(
            processing: try await storage.orders.ordersProcessing(startedBefore: .distantFuture), orders: orders, certificates: certificates,
            unrecorded: try await storage.certificateLedger.unrecordedReservations(before: .distantFuture)
        )
    }

    /// The ledger row of `order`, if any.
    func certificate(of order: ACMEOrder.ID) -> IssuedCertificate? { certificates.first { $0.orderID == order } }

    /// Every broken invariant, one sentence each; empty when the state is sound.
    func violations(handedOut: [Certificate] = []) -> [String] {
        var found: [String] = processing.map { "order \($0.id.rawValue) is stuck in processing" }
        let bySerial = Dictionary(grouping: certificates, by: \.serial)
        for (serial, rows) in bySerial where rows.count > 1 {
            found.append("serial \(serial.hex) has \(rows.count) ledger rows")
        }
        for record in certificates {
            do {
                let certificate = try Certificate(derEncoded: record.der)
                if CertificateSerial(certificate.serialNumber) != record.serial {
                    found.append("the certificate recorded under \(record.serial.hex) carries serial \(CertificateSerial(certificate.serialNumber).hex)")
                }
            } catch {
                found.append("the certificate recorded under \(record.serial.hex) does not parse: \(error)")
            }
        }
        for order in orders {
            switch order.status {
            case .processing:
                break
            case .valid:
                guard let serial = order.certificateSerial else {
                    found.append("valid order \(order.id.rawValue) names no certificate")
                    continue
                }
                if bySerial[serial]?.first?.orderID != order.id {
                    found.append("valid order \(order.id.rawValue) points to \(serial.hex), which has no ledger record for it")
                }
            case .invalid:
                if order.error == nil { found.append("invalid order \(order.id.rawValue) carries no problem") }
            case .pending, .ready:
                if order.certificateSerial != nil { found.append("unfinished order \(order.id.rawValue) names a certificate") }
            }
        }
        let reserved = Dictionary(grouping: unrecorded, by: \.serial)
        for (serial, rows) in reserved where rows.count > 1 || bySerial[serial] != nil {
            found.append("serial \(serial.hex) is reserved more than once")
        }
        for certificate in handedOut {
            let serial = CertificateSerial(certificate.serialNumber)
            var serializer = DER.Serializer()
            let der = (try? serializer.serialize(certificate)).map { serializer.serializedBytes }
            guard let record = bySerial[serial]?.first else {
                found.append("certificate \(serial.hex) was handed to a client but has no ledger record")
                continue
            }
            if record.der != der { found.append("certificate \(serial.hex) differs from its ledger record") }
        }
        return found
    }
}

extension LedgerAudit {
    /// The ledger row of `serial` at `authority`, read while the sandbox is stopped.
    static func record(directory: String, authority: SandboxFaultInjection.Authority, serial: CertificateSerial) async throws -> IssuedCertificate? {
        let storage = try await SQLStorage.open(.sqlite(dataDirectory: directory + "/" + folder(authority)))
        do {
            let record = try await storage.certificateLedger.certificate(serial)
            await storage.close()
            return record
        } catch {
            await storage.close()
            throw error
        }
    }
}
