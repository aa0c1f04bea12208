/// One reason a SHAKEN certificate chain was rejected (RFC 5280 §6, ATIS-1000080 §6.4.1,
/// ATIS-1000092 §6.2, RFC 9060 §4).
public struct STIChainFailure: Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public let code: Code
    /// A human-readable explanation naming the certificate(s) involved.
    public let reason: String
    /// The index in the candidate chain (0 = leaf, last = trust anchor) of the certificate at fault,
    /// or `nil` when no single certificate is (e.g. no path to an anchor).
    public let certificateIndex: Int?

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - code: The failure kind.
    ///   - reason: The explanation.
    ///   - certificateIndex: The index of the certificate at fault, if any.
    public init(_ code: Code, _ reason: String, certificateIndex: Int? = nil) {
        self.code = code
        self.reason = reason
        self.certificateIndex = certificateIndex
    }

    /// `code` (at certificate n): reason.
    public var description: String {
        let location = certificateIndex.map { " at certificate \($0)" } ?? ""
        return "\(code)\(location): \(reason)"
    }

    /// The failure kinds.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Storage: String, Hashable, Sendable {
            case untrustedChain, expired, notYetValid, profileViolation, scopeNotEncompassed, scopeUnprovable
            case revoked, revocationUnknown, unsupportedKey, policyNotAccepted, byReferenceUnsupported
            case malformedCertificate
        }

        private let storage: Storage

        private init(_ storage: Storage) {
            self.storage = storage
        }

        /// No path from the leaf to a trust anchor: unknown issuer, a signature that does not verify,
        /// an unhandled critical extension on an issuer, or another RFC 5280 §6.1 failure.
        public static let untrustedChain = Code(.untrustedChain)
        /// A certificate of the chain is past its notAfter (RFC 5280 §6.1.3 (a)(2)).
        public static let expired = Code(.expired)
        /// A certificate of the chain is before its notBefore (RFC 5280 §6.1.3 (a)(2)).
        public static let notYetValid = Code(.notYetValid)
        /// A certificate breaks a profile rule that matters for verification (ATIS-1000080 §6.4.1:
        /// basicConstraints, keyUsage, TNAuthList presence, unhandled critical extensions).
        public static let profileViolation = Code(.profileViolation)
        /// A child's TNAuthList is not equal to or a subset of its parent's (RFC 9060 §4).
        public static let scopeNotEncompassed = Code(.scopeNotEncompassed)
        /// Strict mode: a child's numbers could not be proven to lie inside the parent's SPC
        /// inventory (ATIS-1000092 §6.2).
        public static let scopeUnprovable = Code(.scopeUnprovable)
        /// A usable CRL lists a certificate of the chain (RFC 5280 §6.3.3 (i)).
        public static let revoked = Code(.revoked)
        /// No usable CRL established a certificate's status; never treated as valid (security notes §3.5).
        public static let revocationUnknown = Code(.revocationUnknown)
        /// A key is not one SHAKEN allows (ATIS-1000080 §6.4.1: P-256; CP v1.4 also P-384 for CAs).
        public static let unsupportedKey = Code(.unsupportedKey)
        /// The leaf's certificatePolicies holds no accepted SHAKEN CP OID (ATIS-1000080 §6.4.1).
        public static let policyNotAccepted = Code(.policyNotAccepted)
        /// A TNAuthList is given by reference (RFC 8226 §10), which this verifier does not resolve.
        public static let byReferenceUnsupported = Code(.byReferenceUnsupported)
        /// The input is not a parseable certificate (PEM or DER).
        public static let malformedCertificate = Code(.malformedCertificate)

        /// The code's name, e.g. `scopeNotEncompassed`.
        public var description: String {
            storage.rawValue
        }
    }
}
