import SwiftASN1
import X509

/// The name of a distribution point (RFC 5280 §4.2.1.13, used by the issuingDistributionPoint of §5.2.5).
///
/// ```asn1
/// DistributionPointName ::= CHOICE {
///      fullName                [0]     GeneralNames,
///      nameRelativeToCRLIssuer [1]     RelativeDistinguishedName }
///
/// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
/// ```
public enum DistributionPointName: Hashable, Sendable, DERParseable, DERSerializable {
    /// The full names of the distribution point, e.g. a URI where the CRL is published.
    case fullName([GeneralName])
    /// A name relative to the CRL issuer's distinguished name.
    case nameRelativeToCRLIssuer(RelativeDistinguishedName)

    private static let fullNameTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let relativeNameTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    /// Decodes the CHOICE from its `[0]` or `[1]` node.
    public init(derEncoded rootNode: ASN1Node) throws {
        switch rootNode.identifier {
        case Self.fullNameTag:
            let names = try DER.sequence(of: GeneralName.self, identifier: Self.fullNameTag, rootNode: rootNode)
            guard !names.isEmpty else {
                throw CertificateRevocationError(.invalidExtension, "fullName must hold at least one GeneralName")
            }
            self = .fullName(names)
        case Self.relativeNameTag:
            self = .nameRelativeToCRLIssuer(
                try RelativeDistinguishedName(derEncoded: rootNode, withIdentifier: Self.relativeNameTag)
            )
        default:
            throw CertificateRevocationError(
                .invalidExtension,
                "unexpected DistributionPointName alternative \(rootNode.identifier)"
            )
        }
    }

    /// Encodes the CHOICE as `[0]` or `[1]`.
    public func serialize(into coder: inout DER.Serializer) throws {
        switch self {
        case .fullName(let names):
            try coder.serializeSequenceOf(names, identifier: Self.fullNameTag)
        case .nameRelativeToCRLIssuer(let name):
            try name.serialize(into: &coder, withIdentifier: Self.relativeNameTag)
        }
    }
}
