import Crypto
import Foundation
import SwiftASN1
import X509

@testable import CertificateRevocation

/// A CertificateList assembled field by field from raw DER, so tests can build CRLs that the library's own
/// builder refuses to write (RFC 5280 §5.1 layout, each field replaceable).
struct RawCRL {
    static let ecdsaWithSHA256: [UInt8] = [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02]

    var version: [UInt8]? = [0x02, 0x01, 0x01]
    var innerAlgorithm: [UInt8] = ecdsaWithSHA256
    var issuer: [UInt8]
    var thisUpdate: [UInt8]
    var nextUpdate: [UInt8]?
    var revokedCertificates: [UInt8]?
    /// The whole `[0] EXPLICIT Extensions` node.
    var crlExtensions: [UInt8]?
    var outerAlgorithm: [UInt8] = ecdsaWithSHA256

    init(issuer: DistinguishedName) throws {
        self.issuer = try derBytes(issuer)
        self.thisUpdate = try Self.time(TestPKI.referenceTime - 3600)
        self.nextUpdate = try Self.time(TestPKI.referenceTime + 86_400)
        self.crlExtensions = try Self.extensions([Self.crlNumber(1)])
    }

    static func time(_ date: Date) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try CRLTime.serialize(date, into: &serializer)
        return serializer.serializedBytes
    }

    static func crlNumber(_ value: UInt64, critical: Bool = false) throws -> Certificate.Extension {
        Certificate.Extension(oid: .CRLExtensionID.crlNumber, critical: critical, value: try CRLNumber(value).extensionValue()[...])
    }

    static func extensions(_ list: [Certificate.Extension]) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
            try coder.serializeSequenceOf(list)
        }
        return serializer.serializedBytes
    }

    /// `SEQUENCE OF` entries given as raw entry encodings.
    static func revokedList(_ entries: [[UInt8]]) -> [UInt8] {
        var serializer = DER.Serializer()
        serializer.appendConstructedNode(identifier: .sequence) { coder in
            for entry in entries {
                coder.serializeRawBytes(entry)
            }
        }
        return serializer.serializedBytes
    }

    static func entry(serial: [UInt8], date: Date, extensions: [Certificate.Extension]? = nil) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(serial[...])
            try CRLTime.serialize(date, into: &coder)
            if let extensions {
                try coder.serializeSequenceOf(extensions)
            }
        }
        return serializer.serializedBytes
    }

    var tbsCertList: [UInt8] {
        var serializer = DER.Serializer()
        serializer.appendConstructedNode(identifier: .sequence) { coder in
            for field in [version, innerAlgorithm, issuer, thisUpdate, nextUpdate, revokedCertificates, crlExtensions] {
                if let field {
                    coder.serializeRawBytes(field)
                }
            }
        }
        return serializer.serializedBytes
    }

    /// The signed CertificateList; `trailing` bytes are appended inside the outer SEQUENCE when given.
    /// `signatureValue` replaces the real signature bytes inside the BIT STRING when given.
    func signed(with key: P256.Signing.PrivateKey, trailing: [UInt8] = [], signatureValue: [UInt8]? = nil) throws -> [UInt8] {
        let tbs = tbsCertList
        let signature = try signatureValue.map { Data($0) } ?? key.signature(for: tbs).derRepresentation
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            coder.serializeRawBytes(tbs)
            coder.serializeRawBytes(outerAlgorithm)
            try coder.serialize(ASN1BitString(bytes: ArraySlice(signature)))
            coder.serializeRawBytes(trailing)
        }
        return serializer.serializedBytes
    }
}
