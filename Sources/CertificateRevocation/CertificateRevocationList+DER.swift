import SwiftASN1
import X509

extension CertificateRevocationList: DERImplicitlyTaggable, PEMParseable, PEMSerializable {
    /// The ASN.1 SEQUENCE identifier of `CertificateList`.
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// `X509 CRL`, the PEM label of RFC 7468 §6.
    public static var defaultPEMDiscriminator: String { "X509 CRL" }

    /// Decodes a `CertificateList` node (RFC 5280 §5.1).
    /// - Throws: ``CertificateRevocationError``.
    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        do {
            self = try Self.decode(rootNode, identifier: identifier)
        } catch let error as CertificateRevocationError {
            throw error
        } catch {
            throw CertificateRevocationError(.malformedDER, "malformed CRL: \(error)")
        }
    }

    private static func decode(_ rootNode: ASN1Node, identifier: ASN1Identifier) throws -> Self {
        try DER.sequence(rootNode, identifier: identifier) { nodes in
            guard let tbsNode = nodes.next() else {
                throw CertificateRevocationError(.malformedDER, "CertificateList has no tbsCertList")
            }
            guard let algorithmNode = nodes.next() else {
                throw CertificateRevocationError(.malformedDER, "CertificateList has no signatureAlgorithm")
            }
            let algorithm = try CRLSignatureAlgorithm(derEncoded: algorithmNode)
            let signatureValue = try ASN1BitString(derEncoded: &nodes)
            let signature: Certificate.Signature
            do {
                signature = try Certificate.Signature(
                    signatureAlgorithm: algorithm.algorithm,
                    signatureBytes: signatureValue
                )
            } catch {
                throw CertificateRevocationError(.malformedDER, "malformed signatureValue: \(error)")
            }
            return try decodeTBS(
                tbsNode,
                outerAlgorithmNode: algorithmNode,
                algorithm: algorithm.algorithm,
                signature: signature,
                signatureBytes: signatureValue.bytes,
                der: rootNode.encodedBytes
            )
        }
    }

    private static func decodeTBS(
        _ tbsNode: ASN1Node,
        outerAlgorithmNode: ASN1Node,
        algorithm: Certificate.SignatureAlgorithm,
        signature: Certificate.Signature,
        signatureBytes: ArraySlice<UInt8>,
        der: ArraySlice<UInt8>
    ) throws -> Self {
        try DER.sequence(tbsNode, identifier: .sequence) { nodes in
            let rawVersion = try DER.optionalImplicitlyTagged(&nodes, tag: .integer) as Int?
            let version: Version
            switch rawVersion {
            case nil: version = .v1
            case 1: version = .v2
            case let other?:
                throw CertificateRevocationError(.unsupportedVersion, "version \(other as Int) is not v2 (1)")
            }
            guard let innerAlgorithmNode = nodes.next() else {
                throw CertificateRevocationError(.malformedDER, "tbsCertList has no signature algorithm")
            }
            // RFC 5280 §5.1.1.2: the two AlgorithmIdentifiers MUST be identical.
            guard innerAlgorithmNode.encodedBytes == outerAlgorithmNode.encodedBytes else {
                throw CertificateRevocationError(
                    .signatureAlgorithmMismatch,
                    "tbsCertList.signature differs from signatureAlgorithm"
                )
            }
            guard let issuerNode = nodes.next() else {
                throw CertificateRevocationError(.malformedDER, "tbsCertList has no issuer")
            }
            let issuer = try DistinguishedName(derEncoded: issuerNode)
            guard let thisUpdateNode = nodes.next() else {
                throw CertificateRevocationError(.malformedDER, "tbsCertList has no thisUpdate")
            }
            let thisUpdate = try CRLTime.date(thisUpdateNode)
            let nextUpdate = try Self.next(&nodes, where: { $0 == .utcTime || $0 == .generalizedTime })
                .map(CRLTime.date)
            let revokedNode = try Self.next(&nodes, where: { $0 == .sequence })
            let extensionList = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try DER.sequence(of: Certificate.Extension.self, identifier: .sequence, rootNode: $0)
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
            let parsed = try RevocationTable.parse(revokedNode, der: der, crlIssuer: issuer, isVersion2: version == .v2)
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
                derRepresentation: der,
                tbsCertListBytes: tbsNode.encodedBytes,
                table: parsed.table
            )
        }
    }

    /// Consumes and returns the next node when its identifier satisfies `matches` (an OPTIONAL field).
    private static func next(
        _ nodes: inout ASN1NodeCollection.Iterator,
        where matches: (ASN1Identifier) -> Bool
    ) throws -> ASN1Node? {
        var lookahead = nodes
        guard let node = lookahead.next(), matches(node.identifier) else {
            return nil
        }
        nodes = lookahead
        return node
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
        let node: ASN1Node
        do {
            node = try DER.parse(bytes)
        } catch {
            throw CertificateRevocationError(.malformedDER, "not a single DER object: \(error)")
        }
        try self.init(derEncoded: node)
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
