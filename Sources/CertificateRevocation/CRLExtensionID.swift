import SwiftASN1

extension ASN1ObjectIdentifier {
    /// Object identifiers of the CRL and CRL entry extensions defined by RFC 5280 §5.2 and §5.3.
    ///
    /// ```asn1
    /// id-ce OBJECT IDENTIFIER ::= { joint-iso-ccitt(2) ds(5) 29 }
    /// ```
    public enum CRLExtensionID {
        /// `id-ce-authorityKeyIdentifier` (RFC 5280 §5.2.1).
        public static let authorityKeyIdentifier: ASN1ObjectIdentifier = [2, 5, 29, 35]
        /// `id-ce-issuerAltName` (RFC 5280 §5.2.2).
        public static let issuerAlternativeName: ASN1ObjectIdentifier = [2, 5, 29, 18]
        /// `id-ce-cRLNumber` (RFC 5280 §5.2.3).
        public static let crlNumber: ASN1ObjectIdentifier = [2, 5, 29, 20]
        /// `id-ce-deltaCRLIndicator` (RFC 5280 §5.2.4).
        public static let deltaCRLIndicator: ASN1ObjectIdentifier = [2, 5, 29, 27]
        /// `id-ce-issuingDistributionPoint` (RFC 5280 §5.2.5).
        public static let issuingDistributionPoint: ASN1ObjectIdentifier = [2, 5, 29, 28]
        /// `id-ce-freshestCRL` (RFC 5280 §5.2.6).
        public static let freshestCRL: ASN1ObjectIdentifier = [2, 5, 29, 46]
        /// `id-pe-authorityInfoAccess` (RFC 5280 §5.2.7).
        public static let authorityInformationAccess: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 1]
        /// `id-ce-cRLReasons`, the reasonCode entry extension (RFC 5280 §5.3.1).
        public static let reasonCode: ASN1ObjectIdentifier = [2, 5, 29, 21]
        /// `id-ce-invalidityDate` (RFC 5280 §5.3.2).
        public static let invalidityDate: ASN1ObjectIdentifier = [2, 5, 29, 24]
        /// `id-ce-certificateIssuer` (RFC 5280 §5.3.3).
        public static let certificateIssuer: ASN1ObjectIdentifier = [2, 5, 29, 29]
        /// `id-ce-holdInstructionCode` (deprecated; RFC 5280 §5.3 lists it among entry extensions).
        public static let holdInstructionCode: ASN1ObjectIdentifier = [2, 5, 29, 23]
    }
}
