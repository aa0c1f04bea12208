import SwiftASN1
import X509

/// The enhanced JWT claim constraints extension (RFC 9118 §3, id-pe 33).
///
/// Adds `mustExclude` to RFC 8226's constraints: a PASSporT containing any of those claims is
/// rejected as a whole.
///
/// ```asn1
/// EnhancedJWTClaimConstraints ::= SEQUENCE {
///   mustInclude     [0] JWTClaimNames      OPTIONAL,
///   permittedValues [1] JWTClaimValuesList OPTIONAL,
///   mustExclude     [2] JWTClaimNames      OPTIONAL }
/// JWTClaimValuesList ::= SEQUENCE SIZE (1..MAX) OF JWTClaimValues
/// JWTClaimValues ::= SEQUENCE {
///   claim  JWTClaimName,
///   values SEQUENCE SIZE (1..MAX) OF UTF8String }
/// ```
/// The module uses EXPLICIT TAGS.
public struct EnhancedJWTClaimConstraints: Hashable, Sendable {
    /// Claims that must be present; empty when the field is absent.
    public let mustInclude: [String]
    /// Per-claim permitted values; empty when the field is absent.
    public let permittedValues: [JWTClaimPermittedValues]
    /// Claims that must not be present; empty when the field is absent.
    public let mustExclude: [String]

    /// Creates the extension value.
    ///
    /// - Parameters:
    ///   - mustInclude: Claim names that must be present.
    ///   - permittedValues: Per-claim permitted values.
    ///   - mustExclude: Claim names that must be absent.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when all three are empty, a name is not IA5,
    ///   or a claim is both required and excluded.
    public init(
        mustInclude: [String] = [],
        permittedValues: [JWTClaimPermittedValues] = [],
        mustExclude: [String] = []
    ) throws {
        guard !mustInclude.isEmpty || !permittedValues.isEmpty || !mustExclude.isEmpty else {
            throw STIRCertificatesError(.invalidExtensionValue, "EnhancedJWTClaimConstraints is empty (RFC 9118 §3)")
        }
        try mustInclude.forEach(JWTClaimPermittedValues.validateClaimName)
        try mustExclude.forEach(JWTClaimPermittedValues.validateClaimName)
        let both = Set(mustInclude).intersection(mustExclude)
        guard both.isEmpty else {
            throw STIRCertificatesError(
                .invalidExtensionValue,
                "claims \(both.sorted()) are both required and excluded (RFC 9118 §3)"
            )
        }
        self.mustInclude = mustInclude
        self.permittedValues = permittedValues
        self.mustExclude = mustExclude
    }

    /// Decodes an enhanced JWT claim constraints extension (RFC 9118 §3).
    ///
    /// - Parameter ext: An extension with OID `id-pe-eJWTClaimConstraints`.
    /// - Throws: ``STIRCertificatesError`` with code `unexpectedExtensionOID`, `malformedExtension`
    ///   or `invalidExtensionValue`.
    public init(_ ext: Certificate.Extension) throws {
        try STIRExtensionDecoding.expect(ext, .STIR.enhancedJWTClaimConstraints, name: "EnhancedJWTClaimConstraints")
        let value = try STIRExtensionDecoding.decode(JWTClaimConstraintsValue.self, from: ext.value)
        try self.init(
            mustInclude: value.mustInclude ?? [],
            permittedValues: value.permittedValues ?? [],
            mustExclude: value.mustExclude ?? []
        )
    }

    /// Checks a claim set against the constraints (RFC 9118 §3).
    ///
    /// - Parameters:
    ///   - claimNames: The names of every claim in the PASSporT payload.
    ///   - stringValue: The value of a claim when it is a JSON string, else `nil`.
    /// - Returns: Every violation, empty when the claims conform.
    public func evaluate(claimNames: Set<String>, stringValue: (String) -> String?) -> [JWTClaimConstraintViolation] {
        JWTClaimConstraintEvaluation.evaluate(
            mustInclude: self.mustInclude,
            permittedValues: self.permittedValues,
            mustExclude: self.mustExclude,
            claimNames: claimNames,
            stringValue: stringValue
        )
    }

    /// Checks a claim set given as name → string value (`nil` for a non-string value) (RFC 9118 §3).
    ///
    /// - Parameter claims: Every claim of the payload.
    /// - Returns: Every violation, empty when the claims conform.
    public func evaluate(claims: [String: String?]) -> [JWTClaimConstraintViolation] {
        JWTClaimConstraintEvaluation.evaluate(
            mustInclude: self.mustInclude,
            permittedValues: self.permittedValues,
            mustExclude: self.mustExclude,
            claims: claims
        )
    }
}

extension Certificate.Extension {
    /// Wraps enhanced JWT claim constraints as an extension (RFC 9118 §3).
    ///
    /// - Parameters:
    ///   - constraints: The constraints to encode.
    ///   - critical: The critical flag.
    /// - Throws: ``STIRCertificatesError`` `malformedExtension` when serialization fails.
    public init(_ constraints: EnhancedJWTClaimConstraints, critical: Bool) throws {
        let value = JWTClaimConstraintsValue(
            mustInclude: constraints.mustInclude,
            permittedValues: constraints.permittedValues,
            mustExclude: constraints.mustExclude
        )
        self.init(
            oid: .STIR.enhancedJWTClaimConstraints,
            critical: critical,
            value: try STIRExtensionDecoding.encode(value)[...]
        )
    }
}

extension EnhancedJWTClaimConstraints: CertificateExtensionConvertible {
    /// A non-critical enhanced JWT claim constraints extension (RFC 9118 §3).
    public func makeCertificateExtension() throws -> Certificate.Extension {
        try Certificate.Extension(self, critical: false)
    }
}

extension Certificate.Extensions {
    /// The decoded enhanced JWT claim constraints extension, or `nil` when absent (RFC 9118 §3).
    ///
    /// - Throws: ``STIRCertificatesError`` when the extension is present but malformed.
    public var enhancedJWTClaimConstraints: EnhancedJWTClaimConstraints? {
        get throws {
            guard let ext = self[oid: .STIR.enhancedJWTClaimConstraints] else { return nil }
            return try EnhancedJWTClaimConstraints(ext)
        }
    }
}
