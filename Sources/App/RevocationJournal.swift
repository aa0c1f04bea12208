import ACMECore
import CertificateRevocation
import Foundation
import X509

/// The STI-SCA's revocations, kept as JSON next to its database, and its direct CRL built from them
/// (RFC 5280 §5; ATIS-1000092 §5.3: the STI-SCA publishes its own CRL).
actor RevocationJournal {
    struct Entry: Hashable, Sendable, Codable {
        var serialHex: String
        var reason: Int
        var date: Date
    }

    private let directory: DataDirectory
    private let file: String
    private var entries: [Entry]

    init(directory: DataDirectory, file: String) throws(AppError) {
        self.directory = directory
        self.file = file
        if let data = try directory.read(file) {
            do {
                entries = try JSONDecoder().decode([Entry].self, from: data)
            } catch {
                throw AppError(.corruptState, "\(directory.path(file)) does not decode: \(error)")
            }
        } else {
            entries = []
        }
    }

    func record(serial: CertificateSerial, reason: Int, at date: Date) throws {
        guard !entries.contains(where: { $0.serialHex == serial.hex }) else { return }
        entries.append(Entry(serialHex: serial.hex, reason: reason, date: date))
        try directory.write(try JSONEncoder().encode(entries), to: file)
    }

    /// A CRL signed by `signer` listing every recorded revocation; its number is the count of
    /// revocations plus the hours since the signer's start, so it grows with time and with revocations.
    func crl(signer: Certificate, key: Certificate.PrivateKey, now: Date, validity: TimeInterval) throws -> CertificateRevocationList {
        let revoked = entries.compactMap { entry -> RevokedCertificate? in
            guard let serial = CertificateSerial(hex: entry.serialHex) else { return nil }
            return RevokedCertificate(serialNumber: serial.serialNumber, revocationDate: entry.date, reason: RevocationReason(rawValue: entry.reason))
        }
        let hours = UInt64(max(0, now.timeIntervalSince(signer.notValidBefore)) / 3_600)
        return try CRLBuilder(
            signer: signer, thisUpdate: now - 60, nextUpdate: now + validity, crlNumber: CRLNumber(hours * 1_000 + UInt64(entries.count)),
            revokedCertificates: revoked
        ).sign(with: key)
    }
}
