import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@testable import CertificateRevocation

@Suite("Building, parsing and re-serializing CRLs (RFC 5280 §5.1)")
struct CRLRoundTripTests {
    @Test("A built CRL parses back field by field and re-serializes byte for byte")
    func buildParseReserialize() throws {
        let ca = try TestPKI.authority("Round Trip CA")
        let invalidity = TestPKI.referenceTime - 86_400
        let entries = [
            TestPKI.entry(0x1001, reason: .keyCompromise),
            RevokedCertificate(serialNumber: 0x1002, revocationDate: TestPKI.referenceTime - 60, invalidityDate: invalidity),
            TestPKI.entry(Certificate.SerialNumber(bytes: [0x7F] + Array(repeating: 0xAB, count: 19))),
        ]
        let crl = try TestPKI.crl(from: ca, entries: entries, number: 42)
        let parsed = try CertificateRevocationList(derEncoded: Array(crl.derRepresentation))

        #expect(parsed == crl)
        #expect(parsed.version == .v2)
        #expect(parsed.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(parsed.issuer == ca.name)
        #expect(parsed.thisUpdate == TestPKI.referenceTime - 3600)
        #expect(parsed.nextUpdate == TestPKI.referenceTime + 86_400)
        #expect(parsed.crlNumber == CRLNumber(42))
        #expect(parsed.authorityKeyIdentifier?.keyIdentifier == (try ca.certificate.extensions.subjectKeyIdentifier)?.keyIdentifier)
        #expect(parsed.unhandledCriticalExtensions.isEmpty)
        #expect(parsed.count == 3)
        #expect(Array(parsed.revokedCertificates) == entries)

        let reserialized = try derBytes(parsed)
        #expect(reserialized == Array(crl.derRepresentation))
        let tbsNode = try DER.parse(Array(parsed.derRepresentation))
        guard case .constructed(let children) = tbsNode.content, let firstChild = children.first(where: { _ in true }) else {
            Issue.record("CertificateList is not constructed")
            return
        }
        #expect(firstChild.encodedBytes == parsed.tbsCertListBytes)
    }

    @Test("PEM uses the X509 CRL label and round-trips")
    func pemRoundTrip() throws {
        let ca = try TestPKI.authority("PEM CA")
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(5)])
        let pem = try crl.serializeAsPEM().pemString
        #expect(pem.hasPrefix("-----BEGIN X509 CRL-----"))
        let parsed = try CertificateRevocationList(pemEncoded: pem)
        #expect(parsed.derRepresentation == crl.derRepresentation)
        #expect(throws: CertificateRevocationError(.malformedDER, "")) {
            try CertificateRevocationList(pemEncoded: pem.replacingOccurrences(of: "X509 CRL", with: "CERTIFICATE"))
        }
    }

    @Test("The signature algorithm follows the key", arguments: [
        (Certificate.PrivateKey(P256.Signing.PrivateKey()), Certificate.SignatureAlgorithm.ecdsaWithSHA256),
        (Certificate.PrivateKey(P384.Signing.PrivateKey()), .ecdsaWithSHA384),
        (Certificate.PrivateKey(P521.Signing.PrivateKey()), .ecdsaWithSHA512),
        (Certificate.PrivateKey(Curve25519.Signing.PrivateKey()), .ed25519),
    ])
    func signatureAlgorithmFollowsKey(key: Certificate.PrivateKey, expected: Certificate.SignatureAlgorithm) throws {
        let ca = try TestPKI.authority("Algorithm CA", key: key)
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(9)])
        #expect(crl.signatureAlgorithm == expected)
        #expect(crl.isSignatureValid(issuerPublicKey: key.publicKey))
    }

    @Test("An empty CRL omits revokedCertificates and has no entries")
    func emptyCRLOmitsList() throws {
        let ca = try TestPKI.authority("Empty CA")
        let crl = try TestPKI.crl(from: ca, entries: [])
        #expect(crl.count == 0)
        #expect(crl.revokedCertificates.isEmpty)
        let children = try DER.sequence(DER.parse(Array(crl.tbsCertListBytes)), identifier: .sequence) { nodes in
            var identifiers: [ASN1Identifier] = []
            while let node = nodes.next() { identifiers.append(node.identifier) }
            return identifiers
        }
        // version, signature, issuer, thisUpdate, nextUpdate, [0] extensions: no SEQUENCE OF entries.
        #expect(children == [.integer, .sequence, .sequence, .utcTime, .utcTime, ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)])
    }

    @Test("Dates outside 1950-2049 are GeneralizedTime and round-trip")
    func generalizedTimeRoundTrip() throws {
        let ca = try TestPKI.authority("Far Future CA")
        let far = Date(timeIntervalSince1970: 4_102_444_800 + 3_661)  // 2100-01-01T01:01:01Z
        let crl = try CRLBuilder(
            signer: ca.certificate, thisUpdate: TestPKI.referenceTime, nextUpdate: far, crlNumber: CRLNumber(1),
            revokedCertificates: [RevokedCertificate(serialNumber: 1, revocationDate: Date(timeIntervalSince1970: -631_152_000 - 1))]
        ).sign(with: ca.key)
        #expect(crl.nextUpdate == far)
        #expect(crl.revokedCertificates.first?.revocationDate == Date(timeIntervalSince1970: -631_152_001))
    }

    @Test("Calendar conversion agrees with Foundation from 1600 to 10000", arguments: Array(stride(from: -135_000, through: 2_900_000, by: 37_813)))
    func calendarConversion(day: Int) throws {
        let seconds = Int64(day) * 86_400 + 45_296
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let civil = CRLTime.civil(fromDays: Int64(day))
        #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day)
        #expect(CRLTime.seconds(civil.year, civil.month, civil.day, 12, 34, 56) == seconds)
    }

    @Test("CRL numbers up to 20 octets round-trip and order numerically")
    func crlNumbers() throws {
        let twenty = try CRLNumber(bytes: [UInt8](repeating: 0xFF, count: 20))
        let node = try DER.parse(try derBytes(twenty))
        #expect(try CRLNumber(derEncoded: node) == twenty)
        #expect(CRLNumber(255) < CRLNumber(256))
        #expect(CRLNumber(0).description == "0")
        #expect(CRLNumber(0x1234).description == "1234")
        #expect(throws: CertificateRevocationError(.invalidCRLNumber, "")) {
            try CRLNumber(bytes: [UInt8](repeating: 0x01, count: 21))
        }
        #expect(try CRLNumber(derEncoded: DER.parse(try derBytes(CRLNumber(0)))) == CRLNumber(0))
    }
}
