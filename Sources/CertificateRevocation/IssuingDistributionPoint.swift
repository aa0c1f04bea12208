import SwiftASN1
import X509

/// The issuingDistributionPoint CRL extension: the scope of a CRL (RFC 5280 §5.2.5).
///
/// ```asn1
/// id-ce-issuingDistributionPoint OBJECT IDENTIFIER ::= { id-ce 28 }
///
/// IssuingDistributionPoint ::= SEQUENCE {
///      distributionPoint          [0] DistributionPointName OPTIONAL,
///      onlyContainsUserCerts      [1] BOOLEAN DEFAULT FALSE,
///      onlyContainsCACerts        [2] BOOLEAN DEFAULT FALSE,
///      onlySomeReasons            [3] ReasonFlags OPTIONAL,
///      indirectCRL                [4] BOOLEAN DEFAULT FALSE,
///      onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
///
///      -- at most one of onlyContainsUserCerts, onlyContainsCACerts,
///      -- and onlyContainsAttributeCerts may be set to TRUE.
/// ```
///
/// The module uses implicit tagging; `[0]` wraps a CHOICE and is therefore encoded as an explicit tag.
/// The extension MUST be critical (RFC 5280 §5.2.5).
public struct IssuingDistributionPoint: Hashable, Sendable, DERImplicitlyTaggable {
    /// The ASN.1 SEQUENCE identifier.
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// Where this CRL is distributed, if stated.
    public var distributionPoint: DistributionPointName?
    /// The CRL covers only end-entity certificates.
    public var onlyContainsUserCerts: Bool
    /// The CRL covers only CA certificates.
    public var onlyContainsCACerts: Bool
    /// The CRL covers only these revocation reasons; `nil` means all reasons.
    public var onlySomeReasons: ReasonFlags?
    /// The CRL may list certificates issued by entities other than the CRL issuer (RFC 5280 §5.2.5, §5.3.3).
    public var indirectCRL: Bool
    /// The CRL covers only attribute certificates.
    public var onlyContainsAttributeCerts: Bool

    /// Creates an issuing distribution point.
    /// - Throws: ``CertificateRevocationError/Code/invalidIssuingDistributionPoint`` when more than one of the
    ///   `onlyContains…` flags is set.
    public init(
        distributionPoint: DistributionPointName? = nil,
        onlyContainsUserCerts: Bool = false,
        onlyContainsCACerts: Bool = false,
        onlySomeReasons: ReasonFlags? = nil,
        indirectCRL: Bool = false,
        onlyContainsAttributeCerts: Bool = false
    ) throws {
        self.distributionPoint = distributionPoint
        self.onlyContainsUserCerts = onlyContainsUserCerts
        self.onlyContainsCACerts = onlyContainsCACerts
        self.onlySomeReasons = onlySomeReasons
        self.indirectCRL = indirectCRL
        self.onlyContainsAttributeCerts = onlyContainsAttributeCerts
        try checkScopeFlags()
    }

    private func checkScopeFlags() throws {
        let set = [onlyContainsUserCerts, onlyContainsCACerts, onlyContainsAttributeCerts].filter { $0 }.count
        guard set <= 1 else {
            throw CertificateRevocationError(
                .invalidIssuingDistributionPoint,
                "at most one of onlyContainsUserCerts, onlyContainsCACerts and onlyContainsAttributeCerts may be TRUE"
            )
        }
    }

    private static func tag(_ number: UInt) -> ASN1Identifier {
        ASN1Identifier(tagWithNumber: number, tagClass: .contextSpecific)
    }

    /// Decodes the DER SEQUENCE.
    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        do {
            self = try DER.sequence(rootNode, identifier: identifier) { nodes in
                let point = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                    try DistributionPointName(derEncoded: $0)
                }
                let user = try Self.decodeFlag(&nodes, tag: 1)
                let ca = try Self.decodeFlag(&nodes, tag: 2)
                let reasons = try DER.optionalImplicitlyTagged(&nodes, tag: Self.tag(3)) as ReasonFlags?
                let indirect = try Self.decodeFlag(&nodes, tag: 4)
                let attribute = try Self.decodeFlag(&nodes, tag: 5)
                return try IssuingDistributionPoint(
                    distributionPoint: point,
                    onlyContainsUserCerts: user,
                    onlyContainsCACerts: ca,
                    onlySomeReasons: reasons,
                    indirectCRL: indirect,
                    onlyContainsAttributeCerts: attribute
                )
            }
        } catch let error as CertificateRevocationError {
            throw CertificateRevocationError(.invalidIssuingDistributionPoint, error.reason)
        } catch {
            throw CertificateRevocationError(.invalidIssuingDistributionPoint, "malformed issuingDistributionPoint: \(error)")
        }
    }

    private static func decodeFlag(_ nodes: inout ASN1NodeCollection.Iterator, tag number: UInt) throws -> Bool {
        let identifier = tag(number)
        return try DER.decodeDefault(&nodes, identifier: identifier, defaultValue: false) {
            try Bool(derEncoded: $0, withIdentifier: identifier)
        }
    }

    /// Encodes the DER SEQUENCE, omitting FALSE flags (DER DEFAULT rule, X.690 §11.5).
    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            if let distributionPoint {
                try coder.serialize(distributionPoint, explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific)
            }
            if onlyContainsUserCerts {
                try true.serialize(into: &coder, withIdentifier: Self.tag(1))
            }
            if onlyContainsCACerts {
                try true.serialize(into: &coder, withIdentifier: Self.tag(2))
            }
            if let onlySomeReasons {
                try onlySomeReasons.serialize(into: &coder, withIdentifier: Self.tag(3))
            }
            if indirectCRL {
                try true.serialize(into: &coder, withIdentifier: Self.tag(4))
            }
            if onlyContainsAttributeCerts {
                try true.serialize(into: &coder, withIdentifier: Self.tag(5))
            }
        }
    }
}

extension IssuingDistributionPoint {
    /// Decodes the extension value of an issuingDistributionPoint extension (RFC 5280 §5.2.5).
    /// - Throws: ``CertificateRevocationError/Code/invalidIssuingDistributionPoint`` if the OID or value is wrong.
    public init(_ ext: Certificate.Extension) throws {
        guard ext.oid == .CRLExtensionID.issuingDistributionPoint else {
            throw CertificateRevocationError(
                .invalidIssuingDistributionPoint,
                "expected OID \(ASN1ObjectIdentifier.CRLExtensionID.issuingDistributionPoint), got \(ext.oid)"
            )
        }
        let node: ASN1Node
        do {
            node = try DER.parse(ext.value)
        } catch {
            throw CertificateRevocationError(.invalidIssuingDistributionPoint, "value is not DER: \(error)")
        }
        try self.init(derEncoded: node)
    }
}

extension IssuingDistributionPoint: CertificateExtensionConvertible {
    /// Wraps this value in a critical extension, as RFC 5280 §5.2.5 requires.
    public func makeCertificateExtension() throws -> Certificate.Extension {
        var serializer = DER.Serializer()
        try serializer.serialize(self)
        return Certificate.Extension(
            oid: .CRLExtensionID.issuingDistributionPoint,
            critical: true,
            value: serializer.serializedBytes[...]
        )
    }
}
