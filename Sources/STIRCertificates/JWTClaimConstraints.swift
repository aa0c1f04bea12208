import SwiftASN1
import X509

/// The JWT claim constraints extension (RFC 8226 §8, id-pe 27).
///
/// Names in `mustInclude` must appear in a PASSporT signed under the certificate (in addition to
/// the always-required `iat`, `orig`, `dest`); a claim listed in `permittedValues` that is present
/// must carry one of the listed values.
///
/// ```asn1
/// JWTClaimConstraints ::= SEQUENCE {
///   mustInclude     [0] JWTClaimNames OPTIONAL,
///   permittedValues [1] JWTClaimPermittedValuesList OPTIONAL }
///   -- at least one of the two must be present
/// JWTClaimPermittedValuesList ::= SEQUENCE SIZE (1..MAX) OF JWTClaimPermittedValues
/// JWTClaimNames ::= SEQUENCE SIZE (1..MAX) OF JWTClaimName
/// JWTClaimName ::= IA5String
/// ```
/// The module uses EXPLICIT TAGS.
public struct JWTClaimConstraints: Hashable, Sendable {
    /// Claims that must be present; empty when the field is absent.
    public let mustInclude: [String]
    /// Per-claim permitted values; empty when the field is absent.
    public let permittedValues: [JWTClaimPermittedValues]

    /// Creates the extension value.
    ///
    /// - Parameters:
    ///   - mustInclude: Claim names that must be present.
    ///   - permittedValues: Per-claim permitted values.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when both are empty or a name is not IA5.
    public init(mustInclude: [String] = [], permittedValues: [JWTClaimPermittedValues] = []) throws {
        guard !mustInclude.isEmpty || !permittedValues.isEmpty else {
            throw STIRCertificatesError(
                .invalidExtensionValue,
                "JWTClaimConstraints needs mustInclude or permittedValues (RFC 8226 §8)"
            )
        }
        try mustInclude.forEach(JWTClaimPermittedValues.validateClaimName)
        self.mustInclude = mustInclude
        self.permittedValues = permittedValues
    }

    /// Decodes a JWT claim constraints extension (RFC 8226 §8).
    ///
    /// - Parameter ext: An extension with OID `id-pe-JWTClaimConstraints`.
    /// - Throws: ``STIRCertificatesError`` with code `unexpectedExtensionOID`, `malformedExtension`
    ///   or `invalidExtensionValue`.
    public init(_ ext: Certificate.Extension) throws {
        try STIRExtensionDecoding.expect(ext, .STIR.jwtClaimConstraints, name: "JWTClaimConstraints")
        let value = try STIRExtensionDecoding.decode(JWTClaimConstraintsValue.self, from: ext.value)
        guard value.mustExclude == nil else {
            throw STIRCertificatesError(.malformedExtension, "JWTClaimConstraints has no mustExclude field")
        }
        try self.init(mustInclude: value.mustInclude ?? [], permittedValues: value.permittedValues ?? [])
    }

    /// Checks a claim set against the constraints (RFC 8226 §8).
    ///
    /// - Parameters:
    ///   - claimNames: The names of every claim in the PASSporT payload.
    ///   - stringValue: The value of a claim when it is a JSON string, else `nil`.
    /// - Returns: Every violation, empty when the claims conform.
    public func evaluate(claimNames: Set<String>, stringValue: (String) -> String?) -> [JWTClaimConstraintViolation] {
        JWTClaimConstraintEvaluation.evaluate(
            mustInclude: self.mustInclude,
            permittedValues: self.permittedValues,
            mustExclude: [],
            claimNames: claimNames,
            stringValue: stringValue
        )
    }

    /// Checks a claim set given as name → string value (`nil` for a non-string value) (RFC 8226 §8).
    ///
    /// - Parameter claims: Every claim of the payload.
    /// - Returns: Every violation, empty when the claims conform.
    public func evaluate(claims: [String: String?]) -> [JWTClaimConstraintViolation] {
        JWTClaimConstraintEvaluation.evaluate(
            mustInclude: self.mustInclude,
            permittedValues: self.permittedValues,
            mustExclude: [],
            claims: claims
        )
    }
}

extension Certificate.Extension {
    /// Wraps JWT claim constraints as an extension (RFC 8226 §8).
    ///
    /// - Parameters:
    ///   - constraints: The constraints to encode.
    ///   - critical: The critical flag.
    /// - Throws: ``STIRCertificatesError`` `malformedExtension` when serialization fails.
    public init(_ constraints: JWTClaimConstraints, critical: Bool) throws {
        let value = JWTClaimConstraintsValue(
            mustInclude: constraints.mustInclude,
            permittedValues: constraints.permittedValues,
            mustExclude: nil
        )
        self.init(oid: .STIR.jwtClaimConstraints, critical: critical, value: try STIRExtensionDecoding.encode(value)[...])
    }
}

extension JWTClaimConstraints: CertificateExtensionConvertible {
    /// A non-critical JWT claim constraints extension (RFC 8226 §8).
    public func makeCertificateExtension() throws -> Certificate.Extension {
        try Certificate.Extension(self, critical: false)
    }
}

extension Certificate.Extensions {
    /// The decoded JWT claim constraints extension, or `nil` when absent (RFC 8226 §8).
    ///
    /// - Throws: ``STIRCertificatesError`` when the extension is present but malformed.
    public var jwtClaimConstraints: JWTClaimConstraints? {
        get throws {
            guard let ext = self[oid: .STIR.jwtClaimConstraints] else { return nil }
            return try JWTClaimConstraints(ext)
        }
    }
}
