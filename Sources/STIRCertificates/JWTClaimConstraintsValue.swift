import SwiftASN1

/// The DER form shared by RFC 8226 `JWTClaimConstraints` and RFC 9118 `EnhancedJWTClaimConstraints`
/// (module TN-Module-2016, EXPLICIT TAGS).
///
/// ```asn1
/// SEQUENCE {
///   mustInclude     [0] JWTClaimNames OPTIONAL,
///   permittedValues [1] SEQUENCE SIZE (1..MAX) OF SEQUENCE {
///                         claim JWTClaimName, values SEQUENCE SIZE (1..MAX) OF UTF8String } OPTIONAL,
///   mustExclude     [2] JWTClaimNames OPTIONAL }          -- RFC 9118 only
/// JWTClaimNames ::= SEQUENCE SIZE (1..MAX) OF JWTClaimName
/// JWTClaimName ::= IA5String
/// ```
struct JWTClaimConstraintsValue: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var mustInclude: [String]?
    var permittedValues: [JWTClaimPermittedValues]?
    var mustExclude: [String]?

    init(mustInclude: [String]?, permittedValues: [JWTClaimPermittedValues]?, mustExclude: [String]?) {
        self.mustInclude = mustInclude.flatMap { $0.isEmpty ? nil : $0 }
        self.permittedValues = permittedValues.flatMap { $0.isEmpty ? nil : $0 }
        self.mustExclude = mustExclude.flatMap { $0.isEmpty ? nil : $0 }
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let include = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try Self.decodeNames($0)
            }
            let permitted = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                try Self.decodeValuesList($0)
            }
            let exclude = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 2, tagClass: .contextSpecific) {
                try Self.decodeNames($0)
            }
            return JWTClaimConstraintsValue(mustInclude: include, permittedValues: permitted, mustExclude: exclude)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            if let names = self.mustInclude {
                try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                    try Self.encodeNames(names, into: &coder)
                }
            }
            if let permitted = self.permittedValues {
                try coder.serialize(explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific) { coder in
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        for entry in permitted {
                            try coder.appendConstructedNode(identifier: .sequence) { coder in
                                try coder.serialize(try ASN1IA5String(entry.claim))
                                try coder.serializeSequenceOf(entry.values.map { ASN1UTF8String($0) })
                            }
                        }
                    }
                }
            }
            if let names = self.mustExclude {
                try coder.serialize(explicitlyTaggedWithTagNumber: 2, tagClass: .contextSpecific) { coder in
                    try Self.encodeNames(names, into: &coder)
                }
            }
        }
    }

    private static func encodeNames(_ names: [String], into coder: inout DER.Serializer) throws {
        try coder.serializeSequenceOf(names.map { try ASN1IA5String($0) })
    }

    /// `JWTClaimNames ::= SEQUENCE SIZE (1..MAX) OF IA5String`.
    private static func decodeNames(_ node: ASN1Node) throws -> [String] {
        let names = try DER.sequence(of: ASN1IA5String.self, identifier: .sequence, rootNode: node).map(String.init)
        guard !names.isEmpty else {
            throw STIRCertificatesError(.malformedExtension, "JWTClaimNames must not be empty")
        }
        return names
    }

    /// `SEQUENCE SIZE (1..MAX) OF SEQUENCE { claim IA5String, values SEQUENCE SIZE (1..MAX) OF UTF8String }`.
    private static func decodeValuesList(_ node: ASN1Node) throws -> [JWTClaimPermittedValues] {
        let entries = try DER.sequence(node, identifier: .sequence) { nodes in
            var entries: [JWTClaimPermittedValues] = []
            while let entry = nodes.next() {
                entries.append(
                    try DER.sequence(entry, identifier: .sequence) { fields in
                        let claim = String(try ASN1IA5String(derEncoded: &fields))
                        let values = try DER.sequence(of: ASN1UTF8String.self, identifier: .sequence, nodes: &fields)
                        return try JWTClaimPermittedValues(claim: claim, values: values.map(String.init))
                    }
                )
            }
            return entries
        }
        guard !entries.isEmpty else {
            throw STIRCertificatesError(.malformedExtension, "the permitted values list must not be empty")
        }
        return entries
    }
}
