import SwiftASN1

extension ASN1ObjectIdentifier {
    /// Object identifiers used by STIR and SHAKEN certificates, in one namespace.
    public enum STIR: Sendable {
        /// `id-pe-TNAuthList ::= { id-pe 26 }` (RFC 8226 §9).
        public static let tnAuthList: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 26]

        /// `id-pe-JWTClaimConstraints ::= { id-pe 27 }` (RFC 8226 §8).
        public static let jwtClaimConstraints: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 27]

        /// `id-pe-eJWTClaimConstraints ::= { id-pe 33 }` (RFC 9118 §3).
        public static let enhancedJWTClaimConstraints: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 33]

        /// `id-ad-stirTNList ::= { id-ad 14 }`, the AIA access method of a TN list by reference (RFC 8226 §10.1).
        public static let stirTNList: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 48, 14]

        /// `id-ce-certificatePolicies ::= { id-ce 32 }` (RFC 5280 §4.2.1.4).
        public static let certificatePolicies: ASN1ObjectIdentifier = [2, 5, 29, 32]

        /// `id-ce-cRLDistributionPoints ::= { id-ce 31 }` (RFC 5280 §4.2.1.13).
        public static let crlDistributionPoints: ASN1ObjectIdentifier = [2, 5, 29, 31]

        /// `anyPolicy ::= { id-ce-certificatePolicies 0 }` (RFC 5280 §4.2.1.4).
        public static let anyPolicy: ASN1ObjectIdentifier = [2, 5, 29, 32, 0]

        /// US SHAKEN Certificate Policy v1.1 (`2.16.840.1.114569.1.1.1`).
        public static let shakenCPv1_1: ASN1ObjectIdentifier = [2, 16, 840, 1, 114569, 1, 1, 1]

        /// US SHAKEN Certificate Policy v1.3 (`2.16.840.1.114569.1.1.3`).
        public static let shakenCPv1_3: ASN1ObjectIdentifier = [2, 16, 840, 1, 114569, 1, 1, 3]

        /// US SHAKEN Certificate Policy v1.4 (`2.16.840.1.114569.1.1.4`).
        public static let shakenCPv1_4: ASN1ObjectIdentifier = [2, 16, 840, 1, 114569, 1, 1, 4]
    }
}
