import Foundation
import SwiftASN1
import Testing
import X509

@testable import CertificateRevocation

@Suite("issuingDistributionPoint and ReasonFlags DER (RFC 5280 §5.2.5)")
struct IssuingDistributionPointTests {
    @Test("Values round-trip through their extension encoding", arguments: try [
        IssuingDistributionPoint(),
        IssuingDistributionPoint(indirectCRL: true),
        IssuingDistributionPoint(distributionPoint: .fullName([.uniformResourceIdentifier("https://sti-pa.example/crl")]), indirectCRL: true),
        IssuingDistributionPoint(distributionPoint: .nameRelativeToCRLIssuer(RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, printableString: "dp1")))),
        IssuingDistributionPoint(onlyContainsUserCerts: true, onlySomeReasons: [.keyCompromise, .aACompromise]),
        IssuingDistributionPoint(onlyContainsCACerts: true, onlySomeReasons: [.unused]),
        IssuingDistributionPoint(onlyContainsAttributeCerts: true),
    ])
    func roundTrip(idp: IssuingDistributionPoint) throws {
        let ext = try idp.makeCertificateExtension()
        #expect(ext.critical)
        #expect(try IssuingDistributionPoint(ext) == idp)
    }

    @Test("indirectCRL alone encodes as 30 03 84 01 FF")
    func knownEncoding() throws {
        let ext = try IssuingDistributionPoint(indirectCRL: true).makeCertificateExtension()
        #expect(Array(ext.value) == [0x30, 0x03, 0x84, 0x01, 0xFF])
    }

    static let reasonFlagVectors: [(flags: ReasonFlags, der: [UInt8])] = [
        (.keyCompromise, [0x03, 0x02, 0x06, 0x40]),
        ([.keyCompromise, .cACompromise], [0x03, 0x02, 0x05, 0x60]),
        (.aACompromise, [0x03, 0x03, 0x07, 0x00, 0x80]),
        ([], [0x03, 0x01, 0x00]),
    ]

    @Test("ReasonFlags uses the minimal named-bit-list encoding", arguments: reasonFlagVectors)
    func reasonFlagsEncoding(flags: ReasonFlags, expected: [UInt8]) throws {
        #expect(try derBytes(flags) == expected)
        #expect(try ReasonFlags(derEncoded: DER.parse(expected)) == flags)
    }

    @Test("Setting two onlyContains flags is refused")
    func twoFlagsRefused() {
        #expect(throws: CertificateRevocationError(.invalidIssuingDistributionPoint, "")) {
            try IssuingDistributionPoint(onlyContainsUserCerts: true, onlyContainsCACerts: true)
        }
    }
}
