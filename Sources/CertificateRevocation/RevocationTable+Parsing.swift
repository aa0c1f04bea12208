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
    /// - Parameters:
    ///   - node: The SEQUENCE OF node, or `nil` when the list is absent.
    ///   - der: The CRL's DER bytes, which `node` points into.
    ///   - crlIssuer: The CRL issuer, the effective issuer until a certificateIssuer extension appears.
    ///   - isVersion2: Whether the CRL is v2; v1 entries must not carry extensions (RFC 5280 §5.1.2.1).
    static func parse(
        _ node: ASN1Node?,
        der: ArraySlice<UInt8>,
        crlIssuer: DistinguishedName,
        isVersion2: Bool
    ) throws -> Parsed {
        var parser = EntryParser(crlIssuer: crlIssuer, isVersion2: isVersion2)
        if let node {
            // The smallest entry (1-byte serial, UTCTime) takes 20 bytes, so this never under-reserves.
            parser.records.reserveCapacity(node.encodedBytes.count / 20)
            try DER.sequence(node, identifier: .sequence) { nodes in
                while let entry = nodes.next() {
                    try parser.parseEntry(entry)
                }
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

    let isVersion2: Bool
    var records: [RevocationTable.Record] = []
    var issuers: [DistinguishedName]
    var issuerNumbers: [DistinguishedName: Int32] = [:]
    var currentIssuer: Int32 = 0
    var unhandledCriticalExtensions: [ASN1ObjectIdentifier] = []

    init(crlIssuer: DistinguishedName, isVersion2: Bool) {
        self.issuers = [crlIssuer]
        self.issuerNumbers = [crlIssuer: 0]
        self.isVersion2 = isVersion2
    }

    mutating func parseEntry(_ node: ASN1Node) throws {
        try DER.sequence(node, identifier: .sequence) { nodes in
            let serial = try ArraySlice<UInt8>(derEncoded: &nodes)
            guard let timeNode = nodes.next() else {
                throw CertificateRevocationError(.malformedDER, "revoked certificate entry without revocationDate")
            }
            var record = RevocationTable.Record(
                serialStart: serial.startIndex,
                serialCount: Int32(clamping: serial.count),
                issuer: 0,
                revocationSeconds: try CRLTime.secondsSince1970(timeNode),
                invaliditySeconds: RevocationTable.noInvalidityDate,
                reason: RevocationTable.noReason
            )
            if let extensions = nodes.next() {
                guard isVersion2 else {
                    throw CertificateRevocationError(.unsupportedVersion, "v1 CRL entries must not carry extensions")
                }
                try parseExtensions(extensions, into: &record)
            }
            record.issuer = currentIssuer
            records.append(record)
        }
    }

    private mutating func parseExtensions(_ node: ASN1Node, into record: inout RevocationTable.Record) throws {
        // Bit i of `seen` is set once `known[i]` was decoded; unknown OIDs are rare and checked linearly.
        var seen: UInt8 = 0
        var seenUnknown: [ASN1ObjectIdentifier] = []
        try DER.sequence(node, identifier: .sequence) { nodes in
            while let extensionNode = nodes.next() {
                let ext = try Certificate.Extension(derEncoded: extensionNode)
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
