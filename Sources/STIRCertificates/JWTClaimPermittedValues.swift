/// The permitted values of one claim (RFC 8226 §8 `JWTClaimPermittedValues`,
/// RFC 9118 §3 `JWTClaimValues`).
///
/// ```asn1
/// JWTClaimPermittedValues ::= SEQUENCE {
///   claim      JWTClaimName,
///   permitted  SEQUENCE SIZE (1..MAX) OF UTF8String }
/// ```
public struct JWTClaimPermittedValues: Hashable, Sendable {
    /// The claim name (an IA5String in the certificate).
    public let claim: String
    /// The allowed values, never empty.
    public let values: [String]

    /// Creates a permitted-values entry.
    ///
    /// - Parameters:
    ///   - claim: A non-empty ASCII claim name.
    ///   - values: At least one allowed value.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when the name is empty or not ASCII, or
    ///   `values` is empty.
    public init(claim: String, values: [String]) throws {
        try JWTClaimPermittedValues.validateClaimName(claim)
        guard !values.isEmpty else {
            throw STIRCertificatesError(.invalidExtensionValue, "permitted values of \(claim) must not be empty")
        }
        self.claim = claim
        self.values = values
    }

    /// A claim name is a non-empty IA5String (RFC 8226 §8 `JWTClaimName ::= IA5String`).
    static func validateClaimName(_ name: String) throws {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 < 0x80 }) else {
            throw STIRCertificatesError(.invalidExtensionValue, "claim name '\(name)' is not a non-empty IA5String")
        }
    }
}
