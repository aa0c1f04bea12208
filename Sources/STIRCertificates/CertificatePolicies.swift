import SwiftASN1
import X509

/// The certificate policies extension (RFC 5280 §4.2.1.4).
///
/// SHAKEN intermediate and end-entity certificates carry exactly one policy, the SHAKEN CP OID
/// (ATIS-1000080 v005 §6.4.1). Policy qualifiers are tolerated and kept as raw DER.
///
/// ```asn1
/// certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
/// PolicyInformation ::= SEQUENCE {
///     policyIdentifier   CertPolicyId,
///     policyQualifiers   SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
/// CertPolicyId ::= OBJECT IDENTIFIER
/// ```
public struct CertificatePolicies: Hashable, Sendable {
    /// One policy of the extension (RFC 5280 §4.2.1.4 `PolicyInformation`).
    public struct PolicyInformation: Hashable, Sendable {
        /// The policy OID (`CertPolicyId`).
        public var policyIdentifier: ASN1ObjectIdentifier
        /// Each `PolicyQualifierInfo` as its DER bytes; empty when the qualifiers are absent.
        public var qualifiers: [[UInt8]]

        /// Creates a policy entry.
        ///
        /// - Parameters:
        ///   - policyIdentifier: The policy OID.
        ///   - qualifiers: DER-encoded `PolicyQualifierInfo` values, usually none.
        public init(_ policyIdentifier: ASN1ObjectIdentifier, qualifiers: [[UInt8]] = []) {
            self.policyIdentifier = policyIdentifier
            self.qualifiers = qualifiers
        }
    }

    /// The policies, in certificate order (never empty).
    public private(set) var policies: [PolicyInformation]

    /// The policy OIDs, in certificate order.
    public var policyIdentifiers: [ASN1ObjectIdentifier] {
        self.policies.map(\.policyIdentifier)
    }

    /// Creates the extension value.
    ///
    /// - Parameter policies: At least one policy (SEQUENCE SIZE (1..MAX), RFC 5280 §4.2.1.4).
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when empty or when an OID repeats.
    public init(_ policies: [PolicyInformation]) throws {
        guard !policies.isEmpty else {
            throw STIRCertificatesError(.invalidExtensionValue, "certificatePolicies must hold at least one policy")
        }
        guard Set(policies.map(\.policyIdentifier)).count == policies.count else {
            throw STIRCertificatesError(
                .invalidExtensionValue,
                "a policy OID must not appear more than once (RFC 5280 §4.2.1.4)"
            )
        }
        self.policies = policies
    }

    /// Creates the extension value from bare policy OIDs.
    ///
    /// - Parameter identifiers: At least one distinct policy OID.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when empty or duplicated.
    public init(identifiers: [ASN1ObjectIdentifier]) throws {
        try self.init(identifiers.map { PolicyInformation($0) })
    }

    /// Decodes a certificate policies extension (RFC 5280 §4.2.1.4).
    ///
    /// - Parameter ext: An extension with OID `id-ce-certificatePolicies`.
    /// - Throws: ``STIRCertificatesError`` with code `unexpectedExtensionOID`, `malformedExtension`
    ///   or `invalidExtensionValue`.
    public init(_ ext: Certificate.Extension) throws {
        try STIRExtensionDecoding.expect(ext, .STIR.certificatePolicies, name: "certificatePolicies")
        let value = try STIRExtensionDecoding.decode(CertificatePoliciesValue.self, from: ext.value)
        try self.init(value.policies)
    }
}

extension Certificate.Extension {
    /// Wraps certificate policies as an extension (RFC 5280 §4.2.1.4).
    ///
    /// - Parameters:
    ///   - policies: The policies to encode.
    ///   - critical: The critical flag; SHAKEN uses `false` (ATIS-1000080 v005 §6.4.1).
    /// - Throws: ``STIRCertificatesError`` `malformedExtension` when serialization fails.
    public init(_ policies: CertificatePolicies, critical: Bool) throws {
        let bytes = try STIRExtensionDecoding.encode(CertificatePoliciesValue(policies: policies.policies))
        self.init(oid: .STIR.certificatePolicies, critical: critical, value: bytes[...])
    }
}

extension CertificatePolicies: CertificateExtensionConvertible {
    /// A non-critical certificate policies extension (ATIS-1000080 v005 §6.4.1).
    public func makeCertificateExtension() throws -> Certificate.Extension {
        try Certificate.Extension(self, critical: false)
    }
}

extension Certificate.Extensions {
    /// The decoded certificate policies extension, or `nil` when absent (RFC 5280 §4.2.1.4).
    ///
    /// - Throws: ``STIRCertificatesError`` when the extension is present but malformed.
    public var certificatePolicies: CertificatePolicies? {
        get throws {
            guard let ext = self[oid: .STIR.certificatePolicies] else { return nil }
            return try CertificatePolicies(ext)
        }
    }
}

// MARK: - DER

/// `certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation` (RFC 5280 §4.2.1.4).
struct CertificatePoliciesValue: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var policies: [CertificatePolicies.PolicyInformation]

    init(policies: [CertificatePolicies.PolicyInformation]) {
        self.policies = policies
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let values = try DER.sequence(of: PolicyInformationValue.self, identifier: identifier, rootNode: rootNode)
        self.policies = values.map(\.information)
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.serializeSequenceOf(self.policies.map(PolicyInformationValue.init), identifier: identifier)
    }
}

/// ```asn1
/// PolicyInformation ::= SEQUENCE {
///     policyIdentifier   CertPolicyId,
///     policyQualifiers   SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
/// ```
struct PolicyInformationValue: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var information: CertificatePolicies.PolicyInformation

    init(_ information: CertificatePolicies.PolicyInformation) {
        self.information = information
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let qualifiers = try DER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) { node in
                try DER.sequence(of: ASN1Any.self, identifier: .sequence, rootNode: node)
            }
            if let qualifiers, qualifiers.isEmpty {
                throw ASN1Error.invalidASN1Object(reason: "policyQualifiers must not be empty")
            }
            let raw = try (qualifiers ?? []).map { qualifier in
                var serializer = DER.Serializer()
                try serializer.serialize(qualifier)
                return serializer.serializedBytes
            }
            return PolicyInformationValue(CertificatePolicies.PolicyInformation(oid, qualifiers: raw))
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.information.policyIdentifier)
            if !self.information.qualifiers.isEmpty {
                let qualifiers = try self.information.qualifiers.map { try ASN1Any(derEncoded: $0) }
                try coder.serializeSequenceOf(qualifiers)
            }
        }
    }
}
