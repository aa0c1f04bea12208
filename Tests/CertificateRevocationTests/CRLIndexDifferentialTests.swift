import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@testable import CertificateRevocation

@Suite("The cursor-built entry index agrees with a full swift-asn1 decode of the entries")
struct CRLIndexDifferentialTests {
    static let key = P256.Signing.PrivateKey()

    /// Checks the parsed CRL's entries and lookups against ``ReferenceEntries``.
    static func expectAgreement(_ crl: CertificateRevocationList, using rng: inout SeededGenerator) throws {
        let reference = try ReferenceEntries.decode(Array(crl.derRepresentation))
        #expect(crl.count == reference.entries.count)
        #expect(firstDifference(Array(crl.revokedCertificates), reference.entries) == nil)
        var firstEntry: [String: RevokedCertificate] = [:]
        for entry in reference.entries {
            let key = "\(entry.certificateIssuer ?? reference.issuer)|\(entry.serialNumber)"
            firstEntry[key] = firstEntry[key] ?? entry
        }
        for entry in reference.entries {
            let issuer = entry.certificateIssuer ?? reference.issuer
            let expected = firstEntry["\(issuer)|\(entry.serialNumber)"]
            #expect(crl.revocationStatus(serialNumber: entry.serialNumber, issuer: issuer) == expected)
            #expect(crl.revocationStatus(serialNumber: entry.serialNumber, issuer: try TestPKI.name("Unrelated CA")) == nil)
        }
        for _ in 0..<50 {
            let serial = Certificate.SerialNumber(bytes: (0..<21).map { _ in UInt8.random(in: 0...255, using: &rng) })
            #expect(crl.revocationStatus(serialNumber: serial, issuer: reference.issuer) == nil)
        }
    }

    static func randomEntry(
        using rng: inout SeededGenerator,
        earlier: [RevokedCertificate],
        issuers: [DistinguishedName?]
    ) -> RevokedCertificate {
        let serial: Certificate.SerialNumber
        if let previous = earlier.randomElement(using: &rng), Int.random(in: 0..<20, using: &rng) == 0 {
            serial = previous.serialNumber
        } else {
            serial = Certificate.SerialNumber(bytes: (0..<Int.random(in: 1...20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        // 1900 through 2100: UTCTime and GeneralizedTime on both sides of 1950 and 2050.
        let range: ClosedRange<Int64> = -2_208_988_800...4_102_444_800
        let reasons: [RevocationReason?] = [nil, nil, nil] + RevocationReason.allCases
        return RevokedCertificate(
            serialNumber: serial,
            revocationDate: Date(timeIntervalSince1970: TimeInterval(Int64.random(in: range, using: &rng))),
            reason: reasons.randomElement(using: &rng) ?? nil,
            certificateIssuer: issuers.randomElement(using: &rng) ?? nil,
            invalidityDate: Int.random(in: 0..<5, using: &rng) == 0
                ? Date(timeIntervalSince1970: TimeInterval(Int64.random(in: range, using: &rng))) : nil
        )
    }

    @Test("For seeded random CRLs built by CRLBuilder the index equals the reference decode", arguments: 1...6)
    func randomBuiltCRLs(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let crlIssuer = try TestPKI.name("Differential CA \(seed)")
        let indirect = seed.isMultiple(of: 2)
        let issuers: [DistinguishedName?] = indirect
            ? [nil, crlIssuer, try TestPKI.name("Partner A"), try TestPKI.name("Partner B")] : [nil]
        var entries: [RevokedCertificate] = []
        for _ in 0..<Int.random(in: 150...400, using: &rng) {
            entries.append(Self.randomEntry(using: &rng, earlier: entries, issuers: issuers))
        }
        let builder = CRLBuilder(
            issuer: crlIssuer,
            thisUpdate: TestPKI.referenceTime,
            nextUpdate: TestPKI.referenceTime + 86_400,
            crlNumber: CRLNumber(seed),
            revokedCertificates: entries,
            issuingDistributionPoint: indirect ? try IssuingDistributionPoint(indirectCRL: true) : nil
        )
        let crl = try builder.sign(with: Certificate.PrivateKey(Self.key))
        #expect(crl.count == entries.count)
        try Self.expectAgreement(crl, using: &rng)
        // The node-based initializer decodes the same bytes to the same index.
        let viaNode = try CertificateRevocationList(derEncoded: DER.parse(Array(crl.derRepresentation)))
        #expect(firstDifference(Array(viaNode.revokedCertificates), Array(crl.revokedCertificates)) == nil)
    }

    /// Entries in encodings CRLBuilder never writes, each taking the swift-asn1 fallback somewhere.
    static func unusualEntries() throws -> [[UInt8]] {
        let now = TestPKI.referenceTime
        let criticalReason = Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: true, value: [0x0A, 0x01, 0x04])
        let plainReason = Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: false, value: [0x0A, 0x01, 0x01])
        let unknown = Certificate.Extension(oid: [1, 3, 6, 1, 4, 1, 55_555, 9], critical: false, value: [0x05, 0x00])
        let unknownCritical = Certificate.Extension(oid: [1, 3, 6, 1, 4, 1, 55_555, 10], critical: true, value: [0x05, 0x00])
        var invalidity = DER.Serializer()
        try invalidity.serialize(CRLTime.generalizedTime(now - 86_400))
        let invalidityDate = Certificate.Extension(oid: .CRLExtensionID.invalidityDate, critical: false, value: invalidity.serializedBytes[...])
        var names = DER.Serializer()
        try names.serializeSequenceOf([GeneralName.directoryName(try TestPKI.name("Partner C"))])
        let partner = Certificate.Extension(oid: .CRLExtensionID.certificateIssuer, critical: true, value: names.serializedBytes[...])
        var selfNames = DER.Serializer()
        try selfNames.serializeSequenceOf([GeneralName.directoryName(try TestPKI.name("Malformed CA"))])
        let backToSelf = Certificate.Extension(oid: .CRLExtensionID.certificateIssuer, critical: true, value: selfNames.serializedBytes[...])
        let utcLeapSecond: [UInt8] = [0x17, 0x0D] + Array("161231235960Z".utf8)
        let generalized2030: [UInt8] = [0x18, 0x0F] + Array("20300101000000Z".utf8)
        let utcFeb29: [UInt8] = [0x17, 0x0D] + Array("240229120000Z".utf8)
        return [
            try RawCRL.entry(serial: [0x01], date: now, extensions: [plainReason]),
            try RawCRL.entry(serial: [0x00, 0x80], date: now, extensions: [criticalReason, unknown]),
            try rawEntry(serial: [0x02, 0x01, 0x02], time: utcLeapSecond),
            try rawEntry(serial: [0x02, 0x01, 0x03], time: generalized2030, extensions: [invalidityDate]),
            try rawEntry(serial: [0x02, 0x01, 0x00], time: utcFeb29, extensions: [partner, plainReason]),
            try RawCRL.entry(serial: [UInt8](repeating: 0x7E, count: 20), date: now),
            try RawCRL.entry(serial: [0x01], date: now, extensions: [backToSelf, unknownCritical]),
            try RawCRL.entry(serial: [0x04], date: now - 1),
        ]
    }

    /// An entry with a pre-encoded serial INTEGER and Time.
    static func rawEntry(serial: [UInt8], time: [UInt8], extensions: [Certificate.Extension]? = nil) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            coder.serializeRawBytes(serial)
            coder.serializeRawBytes(time)
            if let extensions {
                try coder.serializeSequenceOf(extensions)
            }
        }
        return serializer.serializedBytes
    }

    static func unusualCRL() throws -> (bytes: [UInt8], list: Range<Int>) {
        var raw = try RawCRL(issuer: TestPKI.name("Malformed CA"))
        let entries = try unusualEntries()
        let list = RawCRL.revokedList(entries)
        raw.revokedCertificates = list
        raw.crlExtensions = try RawCRL.extensions([RawCRL.crlNumber(1), try IssuingDistributionPoint(indirectCRL: true).makeCertificateExtension()])
        let bytes = try raw.signed(with: key)
        let start = try #require(bytes.firstRange(of: list)).lowerBound
        // Only the contents of the list: its own header stays intact.
        let contentCount = entries.map(\.count).reduce(0, +)
        return (bytes, (start + list.count - contentCount)..<(start + list.count))
    }

    @Test("Entries in rarer encodings decode exactly as swift-asn1 decodes them")
    func unusualEncodings() throws {
        let crl = try CertificateRevocationList(derEncoded: try Self.unusualCRL().bytes)
        var rng = SeededGenerator(seed: 99)
        try Self.expectAgreement(crl, using: &rng)
        #expect(crl.count == 8)
        #expect(crl.unhandledCriticalExtensions == [[1, 3, 6, 1, 4, 1, 55_555, 10]])
        let leap = Array(crl.revokedCertificates)[2]
        #expect(leap.revocationDate == Date(timeIntervalSince1970: 1_483_228_800))
    }

    @Test("Every single-byte change inside revokedCertificates is accepted or rejected exactly as the reference decides")
    func mutationsAgree() throws {
        let (bytes, list) = try Self.unusualCRL()
        var accepted = 0
        var rejected = 0
        for index in list {
            for replacement: UInt8 in [0x00, 0x01, 0x0D, 0x17, 0x18, 0x1F, 0x30, 0x39, 0x7F, 0x80, 0x81, 0xFF, bytes[index] ^ 0x01]
            where replacement != bytes[index] {
                var mutated = bytes
                mutated[index] = replacement
                let reference = try? ReferenceEntries.decode(mutated)
                do {
                    let crl = try CertificateRevocationList(derEncoded: mutated)
                    accepted += 1
                    #expect(reference != nil, "accepted at \(index) = \(replacement), reference rejects")
                    if let reference {
                        #expect(
                            firstDifference(Array(crl.revokedCertificates), reference.entries) == nil,
                            "at \(index) = \(replacement)"
                        )
                    }
                } catch is CertificateRevocationError {
                    rejected += 1
                    #expect(reference == nil, "rejected at \(index) = \(replacement), reference accepts")
                } catch {
                    Issue.record("unexpected error type \(type(of: error)) at \(index)")
                }
            }
        }
        #expect(accepted > 100)
        #expect(rejected > 100)
    }

    static let nonMinimalEntries: [MalformedHeader] = [
        MalformedHeader(name: "entry length in long form", bytes: [0x30, 0x81, 0x12, 0x02, 0x01, 0x01] + Array("\u{17}\u{0D}250101000000Z".utf8)),
        MalformedHeader(name: "serial length in long form", bytes: [0x30, 0x13, 0x02, 0x81, 0x01, 0x01] + Array("\u{17}\u{0D}250101000000Z".utf8)),
        MalformedHeader(name: "entry with indefinite length", bytes: [0x30, 0x80, 0x02, 0x01, 0x01] + Array("\u{17}\u{0D}250101000000Z".utf8) + [0x00, 0x00]),
        MalformedHeader(name: "time with a high tag number", bytes: [0x30, 0x13, 0x02, 0x01, 0x01, 0x1F, 0x17, 0x0D] + Array("250101000000".utf8) + [0x5A]),
        MalformedHeader(name: "serial with a redundant leading zero", bytes: [0x30, 0x13, 0x02, 0x02, 0x00, 0x01] + Array("\u{17}\u{0D}250101000000Z".utf8)),
    ]

    @Test("Entries with non-DER headers or non-minimal INTEGERs make the CRL malformed", arguments: nonMinimalEntries)
    func nonMinimalEntriesRejected(_ entry: MalformedHeader) throws {
        var raw = try RawCRL(issuer: TestPKI.name("Malformed CA"))
        raw.revokedCertificates = RawCRL.revokedList([entry.bytes])
        let bytes = try raw.signed(with: Self.key)
        #expect(throws: CertificateRevocationError(.malformedDER, "")) {
            try CertificateRevocationList(derEncoded: bytes)
        }
        #expect(throws: (any Error).self) {
            try ReferenceEntries.decode(bytes)
        }
    }
}

/// A short description of the first position where two entry lists differ, or `nil` when they are equal.
func firstDifference(_ actual: [RevokedCertificate], _ expected: [RevokedCertificate]) -> String? {
    guard actual.count == expected.count else {
        return "\(actual.count) entries, expected \(expected.count)"
    }
    guard let index = actual.indices.first(where: { actual[$0] != expected[$0] }) else {
        return nil
    }
    return "entry \(index): \(actual[index]), expected \(expected[index])"
}
