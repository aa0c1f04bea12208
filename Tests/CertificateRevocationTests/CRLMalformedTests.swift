import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@testable import CertificateRevocation

/// A named malformed input and the error code its parse must produce.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var code: CertificateRevocationError.Code
    var testDescription: String { name }
}

@Suite("Malformed CRLs are rejected with a specific error and never trap")
struct CRLMalformedTests {
    static let key = P256.Signing.PrivateKey()

    static func raw(_ edit: (inout RawCRL) throws -> Void) throws -> [UInt8] {
        var crl = try RawCRL(issuer: TestPKI.name("Malformed CA"))
        try edit(&crl)
        return try crl.signed(with: key)
    }

    static func cases() throws -> [MalformedCase] {
        let now = TestPKI.referenceTime
        let entry = try RawCRL.entry(serial: [0x01], date: now)
        let unknownAlgorithm: [UInt8] = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x01]
        let reason7 = Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: false, value: [0x0A, 0x01, 0x07])
        let reasonNotEnum = Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: false, value: [0x02, 0x01, 0x01])
        let number = try RawCRL.crlNumber(1)
        return [
            MalformedCase(name: "empty input", bytes: [], code: .malformedDER),
            MalformedCase(name: "not a SEQUENCE", bytes: [0x02, 0x01, 0x00], code: .malformedDER),
            MalformedCase(name: "trailing bytes after the CRL", bytes: try raw { _ in } + [0x00], code: .malformedDER),
            MalformedCase(name: "extra element inside CertificateList", bytes: try {
                var crl = try RawCRL(issuer: TestPKI.name("Malformed CA"))
                crl.version = [0x02, 0x01, 0x01]
                return try crl.signed(with: key, trailing: [0x05, 0x00])
            }(), code: .malformedDER),
            MalformedCase(name: "version v1 encoded explicitly", bytes: try raw { $0.version = [0x02, 0x01, 0x00] }, code: .unsupportedVersion),
            MalformedCase(name: "version v3", bytes: try raw { $0.version = [0x02, 0x01, 0x02] }, code: .unsupportedVersion),
            MalformedCase(name: "v1 with crlExtensions", bytes: try raw { $0.version = nil }, code: .unsupportedVersion),
            MalformedCase(name: "v1 entry with extensions", bytes: try raw {
                $0.version = nil
                $0.crlExtensions = nil
                $0.revokedCertificates = RawCRL.revokedList([try RawCRL.entry(serial: [0x01], date: now, extensions: [reason7])])
            }, code: .unsupportedVersion),
            MalformedCase(name: "UTCTime with month 13", bytes: try raw {
                $0.thisUpdate = [0x17, 0x0D] + Array("251399000000Z".utf8)
            }, code: .invalidTime),
            MalformedCase(name: "UTCTime without Z", bytes: try raw {
                $0.thisUpdate = [0x17, 0x0D] + Array("2506150000000".utf8)
            }, code: .invalidTime),
            MalformedCase(name: "GeneralizedTime with fractional seconds", bytes: try raw {
                $0.nextUpdate = [0x18, 0x11] + Array("20250615000000.5Z".utf8)
            }, code: .invalidTime),
            MalformedCase(name: "INTEGER where thisUpdate belongs", bytes: try raw { $0.thisUpdate = [0x02, 0x01, 0x05] }, code: .invalidTime),
            MalformedCase(name: "missing thisUpdate", bytes: try raw {
                $0.thisUpdate = []
                $0.nextUpdate = nil
                $0.crlExtensions = nil
            }, code: .malformedDER),
            MalformedCase(name: "inner and outer algorithms differ", bytes: try raw {
                $0.innerAlgorithm = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03]
            }, code: .signatureAlgorithmMismatch),
            MalformedCase(name: "unsupported signature algorithm", bytes: try raw {
                $0.innerAlgorithm = unknownAlgorithm
                $0.outerAlgorithm = unknownAlgorithm
            }, code: .unsupportedSignatureAlgorithm),
            MalformedCase(name: "ECDSA algorithm with NULL parameters", bytes: try raw {
                let withNull: [UInt8] = [0x30, 0x0C, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02, 0x05, 0x00]
                $0.innerAlgorithm = withNull
                $0.outerAlgorithm = withNull
            }, code: .unsupportedSignatureAlgorithm),
            MalformedCase(name: "negative serial number", bytes: try raw {
                $0.revokedCertificates = RawCRL.revokedList([[0x30, 0x12, 0x02, 0x01, 0x80] + (try RawCRL.time(now))])
            }, code: .malformedDER),
            MalformedCase(name: "entry without revocationDate", bytes: try raw {
                $0.revokedCertificates = RawCRL.revokedList([[0x30, 0x03, 0x02, 0x01, 0x01]])
            }, code: .malformedDER),
            MalformedCase(name: "entry with an extra element", bytes: try raw {
                $0.revokedCertificates = RawCRL.revokedList([Array(entry.dropFirst(2)).withHeader(adding: [0x30, 0x00, 0x05, 0x00])])
            }, code: .malformedDER),
            MalformedCase(name: "reasonCode 7 (unassigned)", bytes: try raw {
                $0.revokedCertificates = RawCRL.revokedList([try RawCRL.entry(serial: [0x01], date: now, extensions: [reason7])])
            }, code: .invalidRevocationReason),
            MalformedCase(name: "reasonCode as INTEGER", bytes: try raw {
                $0.revokedCertificates = RawCRL.revokedList([try RawCRL.entry(serial: [0x01], date: now, extensions: [reasonNotEnum])])
            }, code: .invalidRevocationReason),
            MalformedCase(name: "repeated entry extension", bytes: try raw {
                let reason = Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: false, value: [0x0A, 0x01, 0x01])
                $0.revokedCertificates = RawCRL.revokedList([try RawCRL.entry(serial: [0x01], date: now, extensions: [reason, reason])])
            }, code: .duplicateExtension),
            MalformedCase(name: "repeated CRL extension", bytes: try raw { $0.crlExtensions = try RawCRL.extensions([number, number]) }, code: .duplicateExtension),
            MalformedCase(name: "invalidityDate as UTCTime", bytes: try raw {
                let ext = Certificate.Extension(oid: .CRLExtensionID.invalidityDate, critical: false, value: try RawCRL.time(now)[...])
                $0.revokedCertificates = RawCRL.revokedList([try RawCRL.entry(serial: [0x01], date: now, extensions: [ext])])
            }, code: .invalidExtension),
            MalformedCase(name: "certificateIssuer without a directoryName", bytes: try raw {
                let uri = try derBytes(GeneralName.uniformResourceIdentifier("https://ca.example"))
                let value = [0x30, UInt8(uri.count)] + uri
                let ext = Certificate.Extension(oid: .CRLExtensionID.certificateIssuer, critical: true, value: value[...])
                $0.revokedCertificates = RawCRL.revokedList([try RawCRL.entry(serial: [0x01], date: now, extensions: [ext])])
            }, code: .invalidExtension),
            MalformedCase(name: "negative CRL number", bytes: try raw {
                $0.crlExtensions = try RawCRL.extensions([Certificate.Extension(oid: .CRLExtensionID.crlNumber, critical: false, value: [0x02, 0x01, 0xFF])])
            }, code: .invalidCRLNumber),
            MalformedCase(name: "21-octet CRL number", bytes: try raw {
                let value: [UInt8] = [0x02, 0x15] + [UInt8](repeating: 0x11, count: 21)
                $0.crlExtensions = try RawCRL.extensions([Certificate.Extension(oid: .CRLExtensionID.crlNumber, critical: false, value: value[...])])
            }, code: .invalidCRLNumber),
            MalformedCase(name: "issuingDistributionPoint with two onlyContains flags", bytes: try raw {
                let value: [UInt8] = [0x30, 0x06, 0x81, 0x01, 0xFF, 0x82, 0x01, 0xFF]
                $0.crlExtensions = try RawCRL.extensions([number, Certificate.Extension(oid: .CRLExtensionID.issuingDistributionPoint, critical: true, value: value[...])])
            }, code: .invalidIssuingDistributionPoint),
            MalformedCase(name: "issuingDistributionPoint with an explicit FALSE default", bytes: try raw {
                let value: [UInt8] = [0x30, 0x03, 0x84, 0x01, 0x00]
                $0.crlExtensions = try RawCRL.extensions([number, Certificate.Extension(oid: .CRLExtensionID.issuingDistributionPoint, critical: true, value: value[...])])
            }, code: .invalidIssuingDistributionPoint),
            MalformedCase(name: "ECDSA signature value that is not an ECDSA-Sig-Value", bytes: try {
                let crl = try RawCRL(issuer: TestPKI.name("Malformed CA"))
                return try crl.signed(with: key, signatureValue: [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01])
            }(), code: .malformedDER),
        ]
    }

    @Test("Each malformed CRL fails with its specific error code", arguments: try cases())
    func rejects(_ testCase: MalformedCase) {
        #expect(throws: CertificateRevocationError(testCase.code, "")) {
            try CertificateRevocationList(derEncoded: testCase.bytes)
        }
    }

    @Test("Every truncation of a valid CRL is rejected without trapping")
    func truncations() throws {
        let ca = try TestPKI.authority("Truncation CA")
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(1, reason: .keyCompromise), TestPKI.entry(2)],
                                   issuingDistributionPoint: try IssuingDistributionPoint(onlyContainsUserCerts: true))
        let bytes = Array(crl.derRepresentation)
        for length in 0..<bytes.count {
            #expect(throws: CertificateRevocationError.self) {
                try CertificateRevocationList(derEncoded: Array(bytes.prefix(length)))
            }
        }
    }

    @Test("Single-byte corruptions never trap: they parse or throw CertificateRevocationError")
    func corruptions() throws {
        let ca = try TestPKI.authority("Corruption CA")
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(1, reason: .keyCompromise), TestPKI.entry(2)])
        let bytes = Array(crl.derRepresentation)
        var rejected = 0
        for index in bytes.indices {
            for replacement: UInt8 in [0x00, 0x80, 0xFF] where bytes[index] != replacement {
                var corrupted = bytes
                corrupted[index] = replacement
                do {
                    let parsed = try CertificateRevocationList(derEncoded: corrupted)
                    #expect(!parsed.isSignatureValid(issuerPublicKey: ca.certificate.publicKey))
                } catch is CertificateRevocationError {
                    rejected += 1
                } catch {
                    Issue.record("unexpected error type \(type(of: error)): \(error)")
                }
            }
        }
        #expect(rejected > 0)
    }

    @Test("An empty revokedCertificates SEQUENCE is tolerated as no entries and kept byte for byte")
    func emptyRevokedListTolerated() throws {
        let bytes = try Self.raw { $0.revokedCertificates = [0x30, 0x00] }
        let crl = try CertificateRevocationList(derEncoded: bytes)
        #expect(crl.count == 0)
        #expect(try derBytes(crl) == bytes)
        #expect(crl.isSignatureValid(issuerPublicKey: Certificate.PublicKey(Self.key.publicKey)))
    }

    @Test("Critical unknown entry extensions are reported, not fatal to parsing")
    func criticalEntryExtensionReported() throws {
        let oid: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 55_555, 3]
        let ext = Certificate.Extension(oid: oid, critical: true, value: [0x05, 0x00])
        let bytes = try Self.raw {
            $0.revokedCertificates = RawCRL.revokedList([
                try RawCRL.entry(serial: [0x01], date: TestPKI.referenceTime, extensions: [ext]),
                try RawCRL.entry(serial: [0x02], date: TestPKI.referenceTime, extensions: [ext]),
            ])
        }
        let crl = try CertificateRevocationList(derEncoded: bytes)
        #expect(crl.unhandledCriticalExtensions == [oid])
    }

    @Test("Malformed extension values are rejected by their own parsers", arguments: [
        [UInt8](), [0x30], [0x30, 0x01, 0x80], [0x30, 0x02, 0x83, 0x00, 0x00], [0x30, 0x03, 0x83, 0x01, 0x07],
        [0x30, 0x04, 0x83, 0x02, 0x07, 0x00], [0x30, 0x04, 0xA0, 0x02, 0xA0, 0x00], [0x30, 0x04, 0xA0, 0x02, 0xA5, 0x00],
    ])
    func malformedIssuingDistributionPoints(value: [UInt8]) {
        #expect(throws: CertificateRevocationError(.invalidIssuingDistributionPoint, "")) {
            try IssuingDistributionPoint(Certificate.Extension(oid: .CRLExtensionID.issuingDistributionPoint, critical: true, value: value[...]))
        }
    }

    @Test("Malformed CRL numbers are rejected", arguments: [[UInt8](), [0x02, 0x00], [0x02, 0x02, 0x00, 0x01], [0x04, 0x01, 0x01], [0x02, 0x01, 0x80]])
    func malformedCRLNumbers(value: [UInt8]) {
        #expect(throws: CertificateRevocationError(.invalidCRLNumber, "")) {
            try CRLNumber(extensionValue: value[...])
        }
    }
}

extension Array where Element == UInt8 {
    /// Wraps `self + extra` in a short-form SEQUENCE header.
    fileprivate func withHeader(adding extra: [UInt8]) -> [UInt8] {
        let content = self + extra
        return [0x30, UInt8(content.count)] + content
    }
}
