import Foundation
import SwiftASN1
import X509

@testable import CertificateRevocation

/// A full swift-asn1 decode of a CRL's revoked entries (RFC 5280 §5.1.2.6, §5.3): `DER.parse` of the whole CRL
/// and typed decoding of every entry field, with no use of the library's cursor or byte-level fast paths.
/// Differential tests compare the library's index against it.
enum ReferenceEntries {
    struct Failure: Error {
        var reason: String
    }

    /// The CRL issuer and the entries in CRL order, each with its effective certificateIssuer carried over
    /// (`nil` when it is the CRL issuer).
    static func decode(_ bytes: [UInt8]) throws -> (issuer: DistinguishedName, entries: [RevokedCertificate]) {
        let root = try DER.parse(bytes)
        return try DER.sequence(root, identifier: .sequence) { nodes in
            guard let tbs = nodes.next() else {
                throw Failure(reason: "no tbsCertList")
            }
            while nodes.next() != nil {}
            return try DER.sequence(tbs, identifier: .sequence) { fields in
                var node = fields.next()
                if node?.identifier == .integer {
                    node = fields.next()
                }
                guard node != nil, let issuerNode = fields.next(), fields.next() != nil else {
                    throw Failure(reason: "truncated tbsCertList")
                }
                let issuer = try DistinguishedName(derEncoded: issuerNode)
                var next = fields.next()
                if let candidate = next, candidate.identifier == .utcTime || candidate.identifier == .generalizedTime {
                    next = fields.next()
                }
                var entries: [RevokedCertificate] = []
                if let list = next, list.identifier == .sequence {
                    entries = try decodeList(list, crlIssuer: issuer)
                }
                while fields.next() != nil {}
                return (issuer, entries)
            }
        }
    }

    private static func decodeList(_ list: ASN1Node, crlIssuer: DistinguishedName) throws -> [RevokedCertificate] {
        var entries: [RevokedCertificate] = []
        var currentIssuer: DistinguishedName?
        try DER.sequence(list, identifier: .sequence) { entryNodes in
            while let entryNode = entryNodes.next() {
                try DER.sequence(entryNode, identifier: .sequence) { fields in
                    let serial = try ArraySlice<UInt8>(derEncoded: &fields)
                    guard let timeNode = fields.next() else {
                        throw Failure(reason: "no revocationDate")
                    }
                    var entry = RevokedCertificate(serialNumber: Certificate.SerialNumber(bytes: serial), revocationDate: try date(timeNode))
                    if let extensionsNode = fields.next() {
                        let extensions = try DER.sequence(of: Certificate.Extension.self, identifier: .sequence, rootNode: extensionsNode)
                        guard Set(extensions.map(\.oid)).count == extensions.count else {
                            throw Failure(reason: "repeated entry extension")
                        }
                        for ext in extensions {
                            try apply(ext, to: &entry, currentIssuer: &currentIssuer, crlIssuer: crlIssuer)
                        }
                    }
                    entry.certificateIssuer = currentIssuer
                    entries.append(entry)
                }
            }
        }
        return entries
    }

    private static func apply(
        _ ext: Certificate.Extension,
        to entry: inout RevokedCertificate,
        currentIssuer: inout DistinguishedName?,
        crlIssuer: DistinguishedName
    ) throws {
        switch ext.oid {
        case .CRLExtensionID.reasonCode:
            let raw = try Int(derEncoded: DER.parse(ext.value), withIdentifier: .enumerated)
            guard let reason = RevocationReason(rawValue: raw) else {
                throw Failure(reason: "reason \(raw)")
            }
            entry.reason = reason
        case .CRLExtensionID.invalidityDate:
            let node = try DER.parse(ext.value)
            guard node.identifier == .generalizedTime else {
                throw Failure(reason: "invalidityDate is not a GeneralizedTime")
            }
            entry.invalidityDate = try date(node)
        case .CRLExtensionID.certificateIssuer:
            let names = try DER.sequence(of: GeneralName.self, identifier: .sequence, rootNode: DER.parse(ext.value))
            let directoryNames = names.compactMap { name -> DistinguishedName? in
                if case .directoryName(let dn) = name { return dn }
                return nil
            }
            guard let first = directoryNames.first else {
                throw Failure(reason: "certificateIssuer without directoryName")
            }
            currentIssuer = first == crlIssuer ? nil : first
        default:
            break
        }
    }

    /// A `Time` decoded by swift-asn1's UTCTime and GeneralizedTime types (no fractional seconds allowed).
    static func date(_ node: ASN1Node) throws -> Date {
        let fields: (Int, Int, Int, Int, Int, Int)
        switch node.identifier {
        case .utcTime:
            let time = try UTCTime(derEncoded: node)
            fields = (time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        case .generalizedTime:
            let time = try GeneralizedTime(derEncoded: node)
            guard time.rawFractionalSeconds.isEmpty else {
                throw Failure(reason: "fractional seconds")
            }
            fields = (time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        default:
            throw Failure(reason: "not a Time: \(node.identifier)")
        }
        let seconds = CRLTime.seconds(fields.0, fields.1, fields.2, fields.3, fields.4, fields.5)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
