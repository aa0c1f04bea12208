import SwiftASN1
import X509

extension RevocationTable {
    /// The result of decoding `revokedCertificates`.
    struct Parsed {
        var table: RevocationTable
        /// OIDs of critical entry extensions this library does not process (RFC 5280 §5.3).
        var unhandledCriticalExtensions: [ASN1ObjectIdentifier]
    }

    /// Decodes the `revokedCertificates` SEQUENCE OF (RFC 5280 §5.1.2.6) and its entry extensions (RFC 5280 §5.3).
    ///
    /// ```asn1
    /// revokedCertificates     SEQUENCE OF SEQUENCE  {
    ///      userCertificate         CertificateSerialNumber,
    ///      revocationDate          Time,
    ///      crlEntryExtensions      Extensions OPTIONAL }  OPTIONAL
    /// ```
    ///
    /// The list and the entries are walked with ``DERCursor`` instead of a swift-asn1 node tree, which for a
    /// million entries would mean millions of nodes. Every entry is still fully checked here: its framing, the
    /// serial number (a non-negative INTEGER in the fewest octets), the revocation date and every entry extension.
    /// Plain dates and the canonical reasonCode extension are recognised directly from their bytes; any other
    /// date or extension is decoded with swift-asn1.
    ///
    /// - Parameters:
    ///   - list: The SEQUENCE OF element, or `nil` when the list is absent.
    ///   - cursor: A cursor over the buffer `list` was read from (the bytes of `der`).
    ///   - der: The CRL's DER bytes; element offsets are relative to its start.
    ///   - crlIssuer: The CRL issuer, the effective issuer until a certificateIssuer extension appears.
    ///   - isVersion2: Whether the CRL is v2; v1 entries must not carry extensions (RFC 5280 §5.1.2.1).
    static func parse(
        _ list: DERElement?,
        cursor: DERCursor,
        der: ArraySlice<UInt8>,
        crlIssuer: DistinguishedName,
        isVersion2: Bool
    ) throws -> Parsed {
        var parser = EntryParser(der: der, crlIssuer: crlIssuer, isVersion2: isVersion2)
        if let list {
            guard list.tag == 0x30 else {
                throw CertificateRevocationError(.malformedDER, "revokedCertificates is not a constructed SEQUENCE")
            }
            // A header-only pass counts the entries so the records are allocated once, at their exact size.
            var counter = cursor.children(of: list)
            var count = 0
            while try counter.next() != nil {
                count += 1
            }
            parser.records.reserveCapacity(count)
            var entries = cursor.children(of: list)
            while let entry = try entries.next() {
                try parser.parseEntry(entry, cursor: entries)
            }
        }
        return Parsed(
            table: RevocationTable(der: der, records: parser.records, issuers: parser.issuers),
            unhandledCriticalExtensions: parser.unhandledCriticalExtensions
        )
    }
}

/// Decodes entries one by one, tracking the certificateIssuer that carries over between entries.
private struct EntryParser {
    private static let known: [ASN1ObjectIdentifier] = [
        .CRLExtensionID.reasonCode, .CRLExtensionID.invalidityDate, .CRLExtensionID.certificateIssuer,
    ]

    /// The DER of a non-critical reasonCode extension for each reason code (index 7 is unassigned and empty):
    /// the form nearly every CRL uses, matched byte for byte so it needs no decoding.
    private static let canonicalReasonCodeExtensions: [[UInt8]] = (0...10).map { raw in
        guard let reason = RevocationReason(rawValue: raw), let value = try? reason.reasonCodeExtensionValue() else {
            return []
        }
        var serializer = DER.Serializer()
        let ext = Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: false, value: value[...])
        guard (try? serializer.serialize(ext)) != nil else {
            return []
        }
        return serializer.serializedBytes
    }

    let der: ArraySlice<UInt8>
    let isVersion2: Bool
    var records: [RevocationTable.Record] = []
    var issuers: [DistinguishedName]
    var issuerNumbers: [DistinguishedName: Int32] = [:]
    var currentIssuer: Int32 = 0
    var unhandledCriticalExtensions: [ASN1ObjectIdentifier] = []

    init(der: ArraySlice<UInt8>, crlIssuer: DistinguishedName, isVersion2: Bool) {
        self.der = der
        self.issuers = [crlIssuer]
        self.issuerNumbers = [crlIssuer: 0]
        self.isVersion2 = isVersion2
    }

    /// The bytes of `element` as a slice of the CRL's DER.
    private func slice(_ element: DERElement) -> ArraySlice<UInt8> {
        der[(der.startIndex + element.start)..<(der.startIndex + element.end)]
    }

    mutating func parseEntry(_ entry: DERElement, cursor: DERCursor) throws {
        guard entry.tag == 0x30 else {
            throw CertificateRevocationError(.malformedDER, "revoked certificate entry is not a SEQUENCE")
        }
        var fields = cursor.children(of: entry)
        guard let serialElement = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "revoked certificate entry without userCertificate")
        }
        let serial = try fields.unsignedIntegerMagnitude(serialElement)
        guard let timeElement = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "revoked certificate entry without revocationDate")
        }
        let seconds = try CRLTime.plainSecondsSince1970(tag: timeElement.tag, contents: fields.contents(of: timeElement))
            ?? CRLTime.secondsSince1970(DER.parse(slice(timeElement)))
        var record = RevocationTable.Record(
            serialStart: der.startIndex + serial.lowerBound,
            serialCount: Int32(clamping: serial.count),
            issuer: 0,
            revocationSeconds: seconds,
            invaliditySeconds: RevocationTable.noInvalidityDate,
            reason: RevocationTable.noReason
        )
        if let extensions = try fields.next() {
            guard isVersion2 else {
                throw CertificateRevocationError(.unsupportedVersion, "v1 CRL entries must not carry extensions")
            }
            try parseExtensions(extensions, cursor: fields, into: &record)
        }
        guard fields.isAtEnd else {
            throw CertificateRevocationError(.malformedDER, "revoked certificate entry has unexpected trailing elements")
        }
        record.issuer = currentIssuer
        records.append(record)
    }

    private mutating func parseExtensions(
        _ list: DERElement,
        cursor: DERCursor,
        into record: inout RevocationTable.Record
    ) throws {
        guard list.tag == 0x30 else {
            throw CertificateRevocationError(.malformedDER, "crlEntryExtensions is not a SEQUENCE")
        }
        // Bit i of `seen` is set once `known[i]` was decoded; unknown OIDs are rare and checked linearly.
        var seen: UInt8 = 0
        var seenUnknown: [ASN1ObjectIdentifier] = []
        var extensions = cursor.children(of: list)
        while let element = try extensions.next() {
            if let reason = reasonCode(element, cursor: extensions) {
                guard seen & 1 == 0 else {
                    throw CertificateRevocationError(.duplicateExtension, "entry extension reasonCode repeated")
                }
                seen |= 1
                record.reason = Int8(reason.rawValue)
                continue
            }
            let ext = try Certificate.Extension(derEncoded: DER.parse(slice(element)))
            if let position = Self.known.firstIndex(of: ext.oid) {
                guard seen & (1 << position) == 0 else {
                    throw CertificateRevocationError(.duplicateExtension, "entry extension \(ext.oid) repeated")
                }
                seen |= 1 << position
            } else {
                guard !seenUnknown.contains(ext.oid) else {
                    throw CertificateRevocationError(.duplicateExtension, "entry extension \(ext.oid) repeated")
                }
                seenUnknown.append(ext.oid)
            }
            try apply(ext, to: &record)
        }
    }

    /// The reason of `element` when it is exactly a canonical non-critical reasonCode extension.
    private func reasonCode(_ element: DERElement, cursor: DERCursor) -> RevocationReason? {
        let contents = cursor.contents(of: element)
        guard let last = contents.last, last <= 10, let reason = RevocationReason(rawValue: Int(last)),
            cursor.encoding(of: element, equals: Self.canonicalReasonCodeExtensions[Int(last)])
        else {
            return nil
        }
        return reason
    }

    private mutating func apply(_ ext: Certificate.Extension, to record: inout RevocationTable.Record) throws {
        switch ext.oid {
        case .CRLExtensionID.reasonCode:
            record.reason = Int8(try RevocationReason(reasonCodeExtensionValue: ext.value).rawValue)
        case .CRLExtensionID.invalidityDate:
            // InvalidityDate ::= GeneralizedTime (RFC 5280 §5.3.2)
            let node = try DER.parse(ext.value)
            guard node.identifier == .generalizedTime else {
                throw CertificateRevocationError(.invalidExtension, "invalidityDate must be a GeneralizedTime")
            }
            record.invaliditySeconds = try CRLTime.secondsSince1970(node)
        case .CRLExtensionID.certificateIssuer:
            currentIssuer = try issuerNumber(forCertificateIssuerValue: ext.value)
        default:
            if ext.critical, !unhandledCriticalExtensions.contains(ext.oid) {
                unhandledCriticalExtensions.append(ext.oid)
            }
        }
    }

    /// certificateIssuer ::= GeneralNames (RFC 5280 §5.3.3). The first directoryName is the effective issuer.
    private mutating func issuerNumber(forCertificateIssuerValue value: ArraySlice<UInt8>) throws -> Int32 {
        let names = try DER.sequence(of: GeneralName.self, identifier: .sequence, rootNode: DER.parse(value))
        let directoryName = names.lazy.compactMap { name -> DistinguishedName? in
            if case .directoryName(let dn) = name { return dn }
            return nil
        }.first
        guard let directoryName else {
            throw CertificateRevocationError(
                .invalidExtension,
                "certificateIssuer names no directoryName, so no certificate can match it"
            )
        }
        if let number = issuerNumbers[directoryName] {
            return number
        }
        let number = Int32(issuers.count)
        issuers.append(directoryName)
        issuerNumbers[directoryName] = number
        return number
    }
}
