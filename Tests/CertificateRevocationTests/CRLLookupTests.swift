import Crypto
import Foundation
import Testing
import X509

@testable import CertificateRevocation

@Suite("Revoked-entry lookup by issuer and serial (RFC 5280 §5.3.3, §6.3.3 (i))")
struct CRLLookupTests {
    @Test("A listed serial is found with its reason and an unlisted one is not")
    func hitAndMiss() throws {
        let ca = try TestPKI.authority("Lookup CA")
        let crl = try TestPKI.crl(from: ca, entries: (1...500).map { TestPKI.entry(Certificate.SerialNumber(UInt64($0)), reason: .superseded) })
        let hit = try #require(crl.revocationStatus(serialNumber: 250, issuer: ca.name))
        #expect(hit.serialNumber == 250)
        #expect(hit.reason == .superseded)
        #expect(hit.certificateIssuer == nil)
        #expect(crl.revocationStatus(serialNumber: 501, issuer: ca.name) == nil)
        #expect(crl.revocationStatus(serialNumber: Certificate.SerialNumber(bytes: [0x01, 0xFA]), issuer: ca.name) == nil)
    }

    @Test("A serial listed by another issuer's CRL does not match (x509-limbo certificate_serial_on_crl_different_issuer)")
    func differentIssuerDoesNotMatch() throws {
        let caA = try TestPKI.authority("Issuer A")
        let caB = try TestPKI.authority("Issuer B")
        let leafOfA = try TestPKI.leaf(serial: 77, issuedBy: caA)
        let crlOfB = try TestPKI.crl(from: caB, entries: [TestPKI.entry(77)])
        #expect(crlOfB.revocationStatus(serialNumber: leafOfA.serialNumber, issuer: leafOfA.issuer) == nil)
        #expect(crlOfB.revocationStatus(serialNumber: 77, issuer: caB.name) != nil)
        #expect(crlOfB.status(of: leafOfA, signer: caB.certificate, at: TestPKI.referenceTime) != .good)
    }

    @Test("certificateIssuer carries over to following entries in an indirect CRL")
    func indirectCarryOver() throws {
        let pa = try TestPKI.authority("Policy Administrator")
        let caX = try TestPKI.name("CA X")
        let caY = try TestPKI.name("CA Y")
        let entries = [
            TestPKI.entry(1),
            TestPKI.entry(2, issuer: caX),
            TestPKI.entry(3, issuer: caX),
            TestPKI.entry(4, issuer: caY),
            TestPKI.entry(5),
            TestPKI.entry(2, issuer: caY),
        ]
        let crl = try TestPKI.crl(from: pa, entries: entries, issuingDistributionPoint: try IssuingDistributionPoint(indirectCRL: true))
        #expect(Array(crl.revokedCertificates) == entries)
        #expect(crl.revocationStatus(serialNumber: 3, issuer: caX)?.certificateIssuer == caX)
        #expect(crl.revocationStatus(serialNumber: 3, issuer: caY) == nil)
        #expect(crl.revocationStatus(serialNumber: 3, issuer: pa.name) == nil)
        #expect(crl.revocationStatus(serialNumber: 4, issuer: caY) != nil)
        #expect(crl.revocationStatus(serialNumber: 5, issuer: pa.name) != nil)
        #expect(crl.revocationStatus(serialNumber: 2, issuer: caX) != nil)
        #expect(crl.revocationStatus(serialNumber: 2, issuer: caY) != nil)
        #expect(crl.revocationStatus(serialNumber: 1, issuer: caX) == nil)

        // Only entries 2, 4, 5 and 6 carry a certificateIssuer extension: entry 3 inherits it from entry 2.
        let oid: [UInt8] = [0x06, 0x03, 0x55, 0x1D, 0x1D]
        let bytes = Array(crl.derRepresentation)
        let occurrences = (0...(bytes.count - oid.count)).filter { Array(bytes[$0..<($0 + oid.count)]) == oid }.count
        #expect(occurrences == 4)
    }

    @Test("Entries naming another issuer need an indirect issuingDistributionPoint when building")
    func builderRequiresIndirect() throws {
        let pa = try TestPKI.authority("Policy Administrator")
        #expect(throws: CertificateRevocationError(.invalidIssuingDistributionPoint, "")) {
            try TestPKI.crl(from: pa, entries: [TestPKI.entry(1, issuer: try TestPKI.name("CA X"))])
        }
    }

    @Test("A repeated serial keeps its first entry")
    func duplicateKeepsFirst() throws {
        let ca = try TestPKI.authority("Duplicate CA")
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(8, reason: .keyCompromise), TestPKI.entry(8, reason: .superseded)])
        #expect(crl.count == 2)
        #expect(crl.revocationStatus(serialNumber: 8, issuer: ca.name)?.reason == .keyCompromise)
    }

    @Test("Every entry of a large CRL is found", arguments: [1, 7, 4096])
    func everyEntryFound(size: Int) throws {
        let ca = try TestPKI.authority("Large CA")
        let serials = (0..<size).map { Certificate.SerialNumber(bytes: [0x5A, UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)]) }
        let crl = try TestPKI.crl(from: ca, entries: serials.map { TestPKI.entry($0) })
        #expect(serials.allSatisfy { crl.revocationStatus(serialNumber: $0, issuer: ca.name)?.serialNumber == $0 })
        #expect(crl.revocationStatus(serialNumber: Certificate.SerialNumber(bytes: [0x5B, 0, 0]), issuer: ca.name) == nil)
    }
}
