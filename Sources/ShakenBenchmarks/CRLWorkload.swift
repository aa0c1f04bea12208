import CertificateRevocation
import Crypto
import Foundation
import STIRCertificates
import X509

/// A large CRL built once with ``CRLBuilder`` (RFC 5280 §5), then parsed and searched.
struct CRLWorkload: Sendable {
    let issuer: DistinguishedName
    let entries: Int
    let der: [UInt8]

    /// Builds and signs a CRL of `entries` distinct serial numbers; every third entry has no
    /// reason code, the others cycle through keyCompromise, superseded and cessationOfOperation.
    init(entries: Int, referenceTime: Date) throws {
        let key = P256.Signing.PrivateKey()
        issuer = try DistinguishedName.shaken(commonName: "SHAKEN Intermediate Bench CRL", organization: "Bench STI-CA", country: "US")
        self.entries = entries
        let reasons: [RevocationReason?] = [nil, .keyCompromise, .superseded, .cessationOfOperation]
        var revoked: [RevokedCertificate] = []
        revoked.reserveCapacity(entries)
        for index in 0..<entries {
            revoked.append(
                RevokedCertificate(
                    serialNumber: Self.serialNumber(index),
                    revocationDate: referenceTime - TimeInterval(60 * (index % 100_000)),
                    reason: reasons[index % reasons.count]
                )
            )
        }
        let crl = try CRLBuilder(
            issuer: issuer,
            thisUpdate: referenceTime - 3_600,
            nextUpdate: referenceTime + 86_400,
            crlNumber: CRLNumber(42),
            revokedCertificates: revoked
        ).sign(with: Certificate.PrivateKey(key))
        der = Array(crl.derRepresentation)
    }

    /// A 16-byte positive serial number unique to `index` (RFC 5280 §4.1.2.2 allows up to 20 octets).
    static func serialNumber(_ index: Int) -> Certificate.SerialNumber {
        var mixed = UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        var bytes: [UInt8] = [0x3C]
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: mixed >> UInt64(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: UInt64(index) >> UInt64(shift))) }
        bytes += [0x5E, 0xA1, 0x0B]
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// Parses the DER once.
    func parse() throws -> CertificateRevocationList {
        try CertificateRevocationList(derEncoded: der)
    }

    /// Looks up `listed` serial numbers that are on the CRL and as many that are not; returns the
    /// number of correct answers (2 × `listed` when all are right).
    func lookups(in crl: CertificateRevocationList, serials listed: [Certificate.SerialNumber], absent: [Certificate.SerialNumber]) -> Int {
        var correct = 0
        for serial in listed where crl.revocationStatus(serialNumber: serial, issuer: issuer)?.serialNumber == serial {
            correct += 1
        }
        for serial in absent where crl.revocationStatus(serialNumber: serial, issuer: issuer) == nil {
            correct += 1
        }
        return correct
    }
}
