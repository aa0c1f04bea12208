extension ACMEError {
    /// An RFC 8555 §6.7 error type, with its URN and the HTTP status this server sends for it.
    ///
    /// ``table`` lists every type once; the HTTP edge renders problem documents from it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable, CaseIterable {
            case accountDoesNotExist, alreadyRevoked, badCSR, badNonce, badPublicKey, badRevocationReason
            case badSignatureAlgorithm, caa, compound, connection, dns, externalAccountRequired
            case incorrectResponse, invalidContact, malformed, orderNotReady, rateLimited, rejectedIdentifier
            case serverInternal, tls, unauthorized, unsupportedContact, unsupportedIdentifier, userActionRequired
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// The request named an account that does not exist (§7.3.1 `onlyReturnExisting`).
        public static let accountDoesNotExist = Code(.accountDoesNotExist)
        /// The certificate is already revoked (§7.6).
        public static let alreadyRevoked = Code(.alreadyRevoked)
        /// The CSR is unacceptable (§7.4).
        public static let badCSR = Code(.badCSR)
        /// The JWS nonce is missing, unknown, used or expired (§6.5).
        public static let badNonce = Code(.badNonce)
        /// The JWS key or CSR key is not acceptable.
        public static let badPublicKey = Code(.badPublicKey)
        /// The revocation reason is not allowed (§7.6).
        public static let badRevocationReason = Code(.badRevocationReason)
        /// The JWS algorithm is not accepted (§6.2); the problem lists the accepted ones.
        public static let badSignatureAlgorithm = Code(.badSignatureAlgorithm)
        /// CAA records forbid issuance.
        public static let caa = Code(.caa)
        /// Several errors; see subproblems.
        public static let compound = Code(.compound)
        /// The server could not connect to the validation target.
        public static let connection = Code(.connection)
        /// A DNS problem during validation.
        public static let dns = Code(.dns)
        /// External account binding is required (§7.3.4).
        public static let externalAccountRequired = Code(.externalAccountRequired)
        /// The challenge response does not satisfy the challenge.
        public static let incorrectResponse = Code(.incorrectResponse)
        /// A contact URL is invalid.
        public static let invalidContact = Code(.invalidContact)
        /// The request message is malformed.
        public static let malformed = Code(.malformed)
        /// The order is not ready for finalization (§7.4).
        public static let orderNotReady = Code(.orderNotReady)
        /// A rate limit was exceeded.
        public static let rateLimited = Code(.rateLimited)
        /// The server will not issue for the identifier.
        public static let rejectedIdentifier = Code(.rejectedIdentifier)
        /// The server experienced an internal error.
        public static let serverInternal = Code(.serverInternal)
        /// A TLS problem during validation.
        public static let tls = Code(.tls)
        /// The client lacks sufficient authorization.
        public static let unauthorized = Code(.unauthorized)
        /// A contact URL scheme is not supported.
        public static let unsupportedContact = Code(.unsupportedContact)
        /// An identifier type is not supported.
        public static let unsupportedIdentifier = Code(.unsupportedIdentifier)
        /// The client must visit the `instance` URL (e.g. new terms of service).
        public static let userActionRequired = Code(.userActionRequired)

        /// Every type, in the order of RFC 8555 §6.7.
        public static let table: [Code] = Backing.allCases.map(Code.init)

        /// The type's name, e.g. `badNonce`.
        public var description: String { backing.rawValue }

        /// The problem `type` URN, `urn:ietf:params:acme:error:<name>` (RFC 8555 §6.7, §9.6).
        public var urn: String { "urn:ietf:params:acme:error:" + backing.rawValue }

        /// The HTTP status this server sends for the type unless a check chose another.
        public var defaultHTTPStatus: Int {
            switch backing {
            case .serverInternal: 500
            case .rateLimited: 429
            case .unauthorized, .orderNotReady, .userActionRequired, .caa, .compound: 403
            case .accountDoesNotExist, .alreadyRevoked, .badCSR, .badNonce, .badPublicKey, .badRevocationReason,
                .badSignatureAlgorithm, .connection, .dns, .externalAccountRequired, .incorrectResponse,
                .invalidContact, .malformed, .rejectedIdentifier, .tls, .unsupportedContact, .unsupportedIdentifier:
                400
            }
        }
    }
}
