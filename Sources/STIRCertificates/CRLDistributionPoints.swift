import CertificateRevocation
import SwiftASN1
import X509

/// The CRL distribution points extension (RFC 5280 §4.2.1.13).
///
/// ```asn1
/// id-ce-cRLDistributionPoints OBJECT IDENTIFIER ::=  { id-ce 31 }
/// CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
/// ```
public struct CRLDistributionPoints: Hashable, Sendable {
    /// The distribution points, in certificate order (never empty).
    public private(set) var points: [DistributionPoint]

    /// Creates the extension value.
    ///
    /// - Parameter points: At least one distribution point.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when `points` is empty.
    public init(_ points: [DistributionPoint]) throws {
        guard !points.isEmpty else {
            throw STIRCertificatesError(.invalidExtensionValue, "cRLDistributionPoints must hold at least one point")
        }
        self.points = points
    }

    /// Decodes a CRL distribution points extension (RFC 5280 §4.2.1.13).
    ///
    /// - Parameter ext: An extension with OID `id-ce-cRLDistributionPoints`.
    /// - Throws: ``STIRCertificatesError`` with code `unexpectedExtensionOID`, `malformedExtension`
    ///   or `invalidExtensionValue`.
    public init(_ ext: Certificate.Extension) throws {
        try STIRExtensionDecoding.expect(ext, .STIR.crlDistributionPoints, name: "cRLDistributionPoints")
        let value = try STIRExtensionDecoding.decode(CRLDistributionPointsValue.self, from: ext.value)
        try self.init(value.points)
    }
}

extension Certificate.Extension {
    /// Wraps CRL distribution points as an extension (RFC 5280 §4.2.1.13).
    ///
    /// - Parameters:
    ///   - points: The distribution points to encode.
    ///   - critical: The critical flag; RFC 5280 says SHOULD be non-critical.
    /// - Throws: ``STIRCertificatesError`` `malformedExtension` when serialization fails.
    public init(_ points: CRLDistributionPoints, critical: Bool) throws {
        let bytes = try STIRExtensionDecoding.encode(CRLDistributionPointsValue(points: points.points))
        self.init(oid: .STIR.crlDistributionPoints, critical: critical, value: bytes[...])
    }
}

extension CRLDistributionPoints: CertificateExtensionConvertible {
    /// A non-critical CRL distribution points extension (RFC 5280 §4.2.1.13).
    public func makeCertificateExtension() throws -> Certificate.Extension {
        try Certificate.Extension(self, critical: false)
    }
}

extension Certificate.Extensions {
    /// The decoded CRL distribution points extension, or `nil` when absent (RFC 5280 §4.2.1.13).
    ///
    /// - Throws: ``STIRCertificatesError`` when the extension is present but malformed.
    public var crlDistributionPoints: CRLDistributionPoints? {
        get throws {
            guard let ext = self[oid: .STIR.crlDistributionPoints] else { return nil }
            return try CRLDistributionPoints(ext)
        }
    }
}

// MARK: - DER

/// `CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint`.
struct CRLDistributionPointsValue: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var points: [DistributionPoint]

    init(points: [DistributionPoint]) {
        self.points = points
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let values = try DER.sequence(of: DistributionPointValue.self, identifier: identifier, rootNode: rootNode)
        self.points = values.map(\.point)
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.serializeSequenceOf(self.points.map(DistributionPointValue.init), identifier: identifier)
    }
}

/// ```asn1
/// DistributionPoint ::= SEQUENCE {
///      distributionPoint       [0]     DistributionPointName OPTIONAL,  -- explicit: the type is a CHOICE
///      reasons                 [1]     ReasonFlags OPTIONAL,            -- implicit BIT STRING
///      cRLIssuer               [2]     GeneralNames OPTIONAL }          -- implicit SEQUENCE OF
/// DistributionPointName ::= CHOICE {
///      fullName                [0]     GeneralNames,                    -- implicit
///      nameRelativeToCRLIssuer [1]     RelativeDistinguishedName }      -- implicit SET OF
/// ```
struct DistributionPointValue: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    private static let tag1 = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)
    private static let tag2 = ASN1Identifier(tagWithNumber: 2, tagClass: .contextSpecific)

    var point: DistributionPoint

    init(_ point: DistributionPoint) {
        self.point = point
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let name = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                try Self.decodeName(node)
            }
            let reasons = try DER.optionalImplicitlyTagged(&nodes, tag: Self.tag1) as ASN1BitString?
            let issuer = try DER.optionalImplicitlyTagged(&nodes, tagNumber: 2, tagClass: .contextSpecific) { node in
                try DER.sequence(of: GeneralName.self, identifier: Self.tag2, rootNode: node)
            }
            let point = try DistributionPoint(
                distributionPoint: name,
                reasons: try reasons.map(ReasonFlags.init(bitString:)),
                crlIssuer: issuer
            )
            return DistributionPointValue(point)
        }
    }

    /// The `[0]`/`[1]` CHOICE through ``DistributionPointName``; its errors become this module's.
    private static func decodeName(_ node: ASN1Node) throws -> DistributionPoint.Name {
        do {
            return try DistributionPointName(derEncoded: node)
        } catch let error as CertificateRevocationError {
            throw STIRCertificatesError(.malformedExtension, "DistributionPointName: \(error.reason)")
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            if let name = self.point.distributionPoint {
                try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                    try name.serialize(into: &coder)
                }
            }
            if let reasons = self.point.reasons {
                try reasons.bitString.serialize(into: &coder, withIdentifier: Self.tag1)
            }
            if let issuer = self.point.crlIssuer {
                try coder.serializeSequenceOf(issuer, identifier: Self.tag2)
            }
        }
    }
}
