import X509

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The decoded revoked-certificate list of one CRL, stored compactly and indexed by (issuer, serial).
///
/// Each entry is a fixed-size record that points at its serial number inside the CRL's DER bytes, so parsing
/// a CRL with a million entries allocates a handful of arrays rather than a million objects. Lookups go through
/// an open-addressing hash table keyed by the entry's effective issuer and serial bytes, giving O(1) status
/// checks (RFC 5280 §6.3.3 step (i)). The hash is Swift's per-process seeded `Hasher`, so serial numbers chosen
/// by an attacker cannot force collisions.
final class RevocationTable: Sendable {
    /// One revoked-certificate entry.
    struct Record: Sendable {
        var serialStart: Int
        var serialCount: Int32
        /// Index into `issuers`; 0 is the CRL issuer.
        var issuer: Int32
        var revocationSeconds: Int64
        /// `Int64.min` when there is no invalidityDate.
        var invaliditySeconds: Int64
        /// -1 when there is no reasonCode.
        var reason: Int8
    }

    static let noInvalidityDate = Int64.min
    static let noReason: Int8 = -1

    let der: ArraySlice<UInt8>
    let records: [Record]
    /// Effective issuers; index 0 is the CRL issuer.
    let issuers: [DistinguishedName]
    private let issuerIndex: [DistinguishedName: Int32]
    /// Open-addressing table: the low 32 bits hold `record index + 1` (0 marks an empty slot), the high 32 bits
    /// the top of the key's hash, so most probes are settled without touching the records.
    private let slots: [UInt64]

    init(der: ArraySlice<UInt8>, records: [Record], issuers: [DistinguishedName]) {
        self.der = der
        self.records = records
        self.issuers = issuers
        var issuerIndex: [DistinguishedName: Int32] = [:]
        for (index, issuer) in issuers.enumerated() where issuerIndex[issuer] == nil {
            issuerIndex[issuer] = Int32(index)
        }
        self.issuerIndex = issuerIndex
        self.slots = Self.makeSlots(der: der, records: records)
    }

    private static func makeSlots(der: ArraySlice<UInt8>, records: [Record]) -> [UInt64] {
        var capacity = 8
        while capacity < records.count * 2 {
            capacity <<= 1
        }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        der.withUnsafeBufferPointer { bytes in
            let base = der.startIndex
            for (index, record) in records.enumerated() {
                let serial = UnsafeBufferPointer(rebasing: bytes[(record.serialStart - base)...].prefix(Int(record.serialCount)))
                let hash = hash(issuer: record.issuer, serial: serial)
                let tag = UInt64(truncatingIfNeeded: hash) & Self.tagMask
                var slot = hash & mask
                while true {
                    let occupant = slots[slot]
                    if occupant == 0 {
                        slots[slot] = tag | UInt64(index + 1)
                        break
                    }
                    // A repeated (issuer, serial) keeps its first entry.
                    if occupant & tagMask == tag,
                        matches(records[Int(occupant & indexMask) - 1], record.issuer, serial, in: bytes, base: base)
                    {
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return slots
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let indexMask: UInt64 = 0x0000_0000_FFFF_FFFF

    private static func matches(
        _ record: Record,
        _ issuer: Int32,
        _ serial: UnsafeBufferPointer<UInt8>,
        in bytes: UnsafeBufferPointer<UInt8>,
        base: Int
    ) -> Bool {
        record.issuer == issuer
            && UnsafeBufferPointer(rebasing: bytes[(record.serialStart - base)...].prefix(Int(record.serialCount)))
                .elementsEqual(serial)
    }

    private static func hash(issuer: Int32, serial: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(issuer)
        hasher.combine(bytes: UnsafeRawBufferPointer(serial))
        return hasher.finalize()
    }

    /// The entry for `serial` issued by `issuer`, if listed.
    func find(serial: ArraySlice<UInt8>, issuer: DistinguishedName) -> Int? {
        let issuerNumber: Int32
        if issuer == issuers[0] {
            issuerNumber = 0
        } else if let number = issuerIndex[issuer] {
            issuerNumber = number
        } else {
            return nil
        }
        let mask = slots.count - 1
        return der.withUnsafeBufferPointer { bytes -> Int? in
            serial.withUnsafeBufferPointer { wanted -> Int? in
                let base = der.startIndex
                let hash = Self.hash(issuer: issuerNumber, serial: wanted)
                let tag = UInt64(truncatingIfNeeded: hash) & Self.tagMask
                var slot = hash & mask
                while true {
                    let occupant = slots[slot]
                    if occupant == 0 {
                        return nil
                    }
                    let index = Int(occupant & Self.indexMask) - 1
                    if occupant & Self.tagMask == tag,
                        Self.matches(records[index], issuerNumber, wanted, in: bytes, base: base)
                    {
                        return index
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The public view of entry `index`.
    func revokedCertificate(at index: Int) -> RevokedCertificate {
        let record = records[index]
        let serial = der[record.serialStart..<(record.serialStart + Int(record.serialCount))]
        return RevokedCertificate(
            serialNumber: Certificate.SerialNumber(bytes: serial),
            revocationDate: Date(timeIntervalSince1970: TimeInterval(record.revocationSeconds)),
            reason: record.reason == Self.noReason ? nil : RevocationReason(rawValue: Int(record.reason)),
            certificateIssuer: record.issuer == 0 ? nil : issuers[Int(record.issuer)],
            invalidityDate: record.invaliditySeconds == Self.noInvalidityDate
                ? nil : Date(timeIntervalSince1970: TimeInterval(record.invaliditySeconds))
        )
    }
}

/// The revoked certificates of a CRL as a random-access collection, decoded on access.
struct RevokedCertificateCollection: RandomAccessCollection, Sendable {
    let table: RevocationTable

    var startIndex: Int { 0 }
    var endIndex: Int { table.records.count }

    subscript(position: Int) -> RevokedCertificate {
        table.revokedCertificate(at: position)
    }
}
