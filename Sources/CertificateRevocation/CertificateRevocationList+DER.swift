import SwiftASN1
import X509

extension CertificateRevocationList: DERImplicitlyTaggable, PEMParseable, PEMSerializable {
    /// The ASN.1 SEQUENCE identifier of `CertificateList`.
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// `X509 CRL`, the PEM label of RFC 7468 §6.
    public static var defaultPEMDiscriminator: String { "X509 CRL" }

    /// Decodes a `CertificateList` node (RFC 5280 §5.1).
    ///
    /// The node's encoded bytes are decoded as by the byte-array initializers; prefer those, which never build a
    /// swift-asn1 node tree for the revocation list.
    /// - Throws: ``CertificateRevocationError``.
    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        guard rootNode.identifier == identifier, case .constructed(let children) = rootNode.content else {
            throw CertificateRevocationError(.malformedDER, "CertificateList is not a SEQUENCE")
        }
        let der = rootNode.encodedBytes
        var iterator = children.makeIterator()
        let contentStart = iterator.next().map { $0.encodedBytes.startIndex - der.startIndex } ?? der.count
        try self.init(der: der, contentStart: contentStart)
    }

    /// Decodes a CertificateList whose encoding is `der` and whose contents octets start at offset `contentStart`.
    init(der: ArraySlice<UInt8>, contentStart: Int) throws {
        do {
            self = try der.withUnsafeBufferPointer { buffer in
                let source = CRLSource(der: der, cursor: DERCursor(buffer))
                let outer = DERElement(tag: 0x30, start: 0, contentStart: contentStart, end: buffer.count)
                return try Self.decode(outer, source)
            }
        } catch let error as CertificateRevocationError {
            throw error
        } catch {
            throw CertificateRevocationError(.malformedDER, "malformed CRL: \(error)")
        }
    }

    private static func decode(_ outer: DERElement, _ source: CRLSource) throws -> Self {
        var fields = source.cursor.children(of: outer)
        guard let tbs = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "CertificateList has no tbsCertList")
        }
        guard let algorithmElement = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "CertificateList has no signatureAlgorithm")
        }
        let algorithm = try CRLSignatureAlgorithm(derEncoded: source.node(algorithmElement))
        guard let signatureElement = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "CertificateList has no signatureValue")
        }
        let signatureValue = try ASN1BitString(derEncoded: source.node(signatureElement))
        guard fields.isAtEnd else {
            throw CertificateRevocationError(.malformedDER, "CertificateList has elements after signatureValue")
        }
        let signature: Certificate.Signature
        do {
            signature = try Certificate.Signature(signatureAlgorithm: algorithm.algorithm, signatureBytes: signatureValue)
        } catch {
            throw CertificateRevocationError(.malformedDER, "malformed signatureValue: \(error)")
        }
        guard tbs.tag == 0x30 else {
            throw CertificateRevocationError(.malformedDER, "tbsCertList is not a SEQUENCE")
        }
        return try decodeTBS(
            tbs,
            source,
            outerAlgorithm: source.slice(algorithmElement),
            algorithm: algorithm.algorithm,
            signature: signature,
            signatureBytes: signatureValue.bytes
        )
    }

    private static func decodeTBS(
        _ tbs: DERElement,
        _ source: CRLSource,
        outerAlgorithm: ArraySlice<UInt8>,
        algorithm: Certificate.SignatureAlgorithm,
        signature: Certificate.Signature,
        signatureBytes: ArraySlice<UInt8>
    ) throws -> Self {
        var fields = source.cursor.children(of: tbs)
        let version: Version
        switch try fields.next(if: { $0.hasUniversalTag(0x02) }).map({ try Int(derEncoded: source.node($0)) }) {
        case nil: version = .v1
        case 1: version = .v2
        case let other?:
            throw CertificateRevocationError(.unsupportedVersion, "version \(other) is not v2 (1)")
        }
        guard let innerAlgorithm = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "tbsCertList has no signature algorithm")
        }
        // RFC 5280 §5.1.1.2: the two AlgorithmIdentifiers MUST be identical.
        guard source.slice(innerAlgorithm) == outerAlgorithm else {
            throw CertificateRevocationError(
                .signatureAlgorithmMismatch,
                "tbsCertList.signature differs from signatureAlgorithm"
            )
        }
        guard let issuerElement = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "tbsCertList has no issuer")
        }
        let issuer = try DistinguishedName(derEncoded: source.node(issuerElement))
        guard let thisUpdateElement = try fields.next() else {
            throw CertificateRevocationError(.malformedDER, "tbsCertList has no thisUpdate")
        }
        let thisUpdate = try CRLTime.date(source.node(thisUpdateElement))
        let nextUpdate = try fields.next(if: { $0.hasUniversalTag(0x17) || $0.hasUniversalTag(0x18) })
            .map { try CRLTime.date(source.node($0)) }
        let revokedList = try fields.next(if: { $0.hasUniversalTag(0x10) })
        let extensionList = try fields.next(if: { $0.tag & 0xDF == 0x80 }).map { element in
            try DER.explicitlyTagged(source.node(element), tagNumber: 0, tagClass: .contextSpecific) {
                try DER.sequence(of: Certificate.Extension.self, identifier: .sequence, rootNode: $0)
            }
        }
        if extensionList != nil, version == .v1 {
            throw CertificateRevocationError(.unsupportedVersion, "a v1 CRL must not carry crlExtensions")
        }
        let extensions: Certificate.Extensions
        do {
            extensions = try Certificate.Extensions(extensionList ?? [])
        } catch {
            throw CertificateRevocationError(.duplicateExtension, "\(error)")
        }
        let recognised = try RecognisedExtensions(extensions)
        let parsed = try RevocationTable.parse(
            revokedList,
            cursor: source.cursor,
            der: source.der,
            crlIssuer: issuer,
            isVersion2: version == .v2
        )
        guard fields.isAtEnd else {
            throw CertificateRevocationError(.malformedDER, "tbsCertList has unexpected trailing elements")
        }
        let unhandled = extensions.filter { $0.critical && !RecognisedExtensions.oids.contains($0.oid) }.map(\.oid)
        return CertificateRevocationList(
            version: version,
            signatureAlgorithm: algorithm,
            signature: signature,
            signatureBytes: signatureBytes,
            issuer: issuer,
            thisUpdate: thisUpdate,
            nextUpdate: nextUpdate,
            extensions: extensions,
            recognised: recognised,
            unhandledCriticalExtensions: unhandled + parsed.unhandledCriticalExtensions,
            derRepresentation: source.der,
            tbsCertListBytes: source.slice(tbs),
            table: parsed.table
        )
    }

    /// Writes the DER bytes this CRL was decoded from or built as, unchanged.
    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        guard identifier == Self.defaultIdentifier else {
            throw CertificateRevocationError(.malformedDER, "a CertificateList cannot be re-tagged as \(identifier)")
        }
        coder.serializeRawBytes(derRepresentation)
    }
}

extension CertificateRevocationList {
    /// Decodes DER bytes (RFC 5280 §5.1).
    /// - Throws: ``CertificateRevocationError``; never traps on malformed input.
    public init(derEncoded bytes: [UInt8]) throws {
        try self.init(derEncoded: bytes[...])
    }

    /// Decodes DER bytes (RFC 5280 §5.1); trailing bytes after the CRL are rejected.
    /// - Throws: ``CertificateRevocationError``; never traps on malformed input.
    public init(derEncoded bytes: ArraySlice<UInt8>) throws {
        let contentStart = try bytes.withUnsafeBufferPointer { buffer in
            var cursor = DERCursor(buffer)
            guard let outer = try cursor.next() else {
                throw CertificateRevocationError(.malformedDER, "empty input is not a CRL")
            }
            guard outer.tag == 0x30 else {
                throw CertificateRevocationError(.malformedDER, "CertificateList is not a SEQUENCE")
            }
            guard cursor.isAtEnd else {
                throw CertificateRevocationError(.malformedDER, "trailing bytes after the CertificateList")
            }
            return outer.contentStart
        }
        try self.init(der: bytes, contentStart: contentStart)
    }

    /// Decodes a PEM `X509 CRL` block (RFC 7468 §6).
    /// - Throws: ``CertificateRevocationError``.
    public init(pemEncoded pem: String) throws {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw CertificateRevocationError(.malformedDER, "not a PEM document: \(error)")
        }
        guard document.discriminator == Self.defaultPEMDiscriminator else {
            throw CertificateRevocationError(
                .malformedDER,
                "PEM label is \(document.discriminator), expected \(Self.defaultPEMDiscriminator)"
            )
        }
        try self.init(derEncoded: document.derBytes)
    }
}

/// The DER bytes of a CRL being decoded, with a cursor over them; element offsets are relative to `der`'s start.
private struct CRLSource {
    let der: ArraySlice<UInt8>
    let cursor: DERCursor

    /// The whole encoding of `element`, as a slice of `der`.
    func slice(_ element: DERElement) -> ArraySlice<UInt8> {
        der[(der.startIndex + element.start)..<(der.startIndex + element.end)]
    }

    /// `element` parsed by swift-asn1.
    func node(_ element: DERElement) throws -> ASN1Node {
        try DER.parse(slice(element))
    }
}
