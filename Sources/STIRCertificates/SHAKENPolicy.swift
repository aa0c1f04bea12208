import SwiftASN1

/// The US SHAKEN Certificate Policy identifiers and the set a relying party accepts
/// (ATIS-1000080 v005 §6.4.1; SHAKEN CP v1.1, v1.3, v1.4).
public struct SHAKENPolicy: Hashable, Sendable {
    /// CP v1.1 (2020-04-07), OID `2.16.840.1.114569.1.1.1`.
    public static let v1_1: ASN1ObjectIdentifier = ASN1ObjectIdentifier.STIR.shakenCPv1_1
    /// CP v1.3 (2021-08-18), OID `2.16.840.1.114569.1.1.3`.
    public static let v1_3: ASN1ObjectIdentifier = ASN1ObjectIdentifier.STIR.shakenCPv1_3
    /// CP v1.4 (2023-06-06), OID `2.16.840.1.114569.1.1.4`.
    public static let v1_4: ASN1ObjectIdentifier = ASN1ObjectIdentifier.STIR.shakenCPv1_4

    /// Every known SHAKEN CP version.
    public static let allVersions: Set<ASN1ObjectIdentifier> = [v1_1, v1_3, v1_4]

    /// The policy OIDs that are accepted.
    public var acceptedPolicies: Set<ASN1ObjectIdentifier>

    /// Creates an accepted-policy set.
    ///
    /// - Parameter acceptedPolicies: The OIDs to accept; defaults to every known SHAKEN CP version.
    public init(acceptedPolicies: Set<ASN1ObjectIdentifier> = SHAKENPolicy.allVersions) {
        self.acceptedPolicies = acceptedPolicies
    }

    /// Whether `oid` is in the accepted set.
    public func accepts(_ oid: ASN1ObjectIdentifier) -> Bool {
        self.acceptedPolicies.contains(oid)
    }
}
