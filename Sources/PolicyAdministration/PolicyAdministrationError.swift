/// The single error type of the PolicyAdministration module (the STI-PA, ATIS-1000080 §5.2.1, §6.3.2–§6.3.4).
///
/// A stable ``Code`` plus a human-readable ``reason``; equality and hashing look only at the code.
public struct PolicyAdministrationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable error code.
    public let code: Code

    /// A human-readable explanation of what went wrong.
    public let reason: String

    /// For ``Code/tooManyAttempts``: how long the caller should wait, in whole seconds.
    public let retryAfter: Int?

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
        self.retryAfter = nil
    }

    /// Creates an error the caller may retry after `retryAfter` seconds.
    public init(_ code: Code, _ reason: String, retryAfter: Int) {
        self.code = code
        self.reason = reason
        self.retryAfter = retryAfter
    }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: PolicyAdministrationError, rhs: PolicyAdministrationError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// `PolicyAdministrationError.<code>: <reason>`.
    public var description: String {
        "PolicyAdministrationError.\(code): \(reason)"
    }

    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case unknownAccount
            case duplicateAccount
            case accountDisabled
            case invalidAccount
            case duplicateUser
            case unknownUser
            case invalidCredentials
            case weakPassword
            case notAuthenticated
            case notAuthorised
            case malformedATC
            case scopeNotHeld
            case caNotAllowed
            case duplicateTokenID
            case signingFailed
            case unknownCustomer
            case delegationOutsideScope
            case trustListConflict
            case invalidTrustList
            case staleTrustList
            case alreadyRevoked
            case invalidRevocation
            case crlFailed
            case keyDerivationFailed
            case tooManyAttempts
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// No service-provider account has this identifier.
        public static let unknownAccount = Code(.unknownAccount)
        /// An account with this identifier or SPC already exists.
        public static let duplicateAccount = Code(.duplicateAccount)
        /// The account is disabled by the operator.
        public static let accountDisabled = Code(.accountDisabled)
        /// The account's fields are not acceptable (empty name, empty TN ranges).
        public static let invalidAccount = Code(.invalidAccount)
        /// A user with this identifier already exists.
        public static let duplicateUser = Code(.duplicateUser)
        /// No user has this identifier.
        public static let unknownUser = Code(.unknownUser)
        /// The user identifier or password is wrong (never says which).
        public static let invalidCredentials = Code(.invalidCredentials)
        /// The password is too short or too long.
        public static let weakPassword = Code(.weakPassword)
        /// The access token is unknown, expired or logged out.
        public static let notAuthenticated = Code(.notAuthenticated)
        /// The authenticated user does not belong to the account addressed.
        public static let notAuthorised = Code(.notAuthorised)
        /// The `atc` object is malformed (RFC 9448 §5).
        public static let malformedATC = Code(.malformedATC)
        /// The requested TNAuthList is not held by the account.
        public static let scopeNotHeld = Code(.scopeNotHeld)
        /// `ca: true` was requested by an account not authorised to run an STI-SCA (ATIS-1000092).
        public static let caNotAllowed = Code(.caNotAllowed)
        /// A token identifier (`jti`) was issued twice (RFC 7519 §4.1.7).
        public static let duplicateTokenID = Code(.duplicateTokenID)
        /// Signing a token or list failed.
        public static let signingFailed = Code(.signingFailed)
        /// No delegation is recorded for this customer.
        public static let unknownCustomer = Code(.unknownCustomer)
        /// The delegation or token request lies outside what the delegating provider holds or delegated.
        public static let delegationOutsideScope = Code(.delegationOutsideScope)
        /// The trust list changed concurrently (its sequence moved).
        public static let trustListConflict = Code(.trustListConflict)
        /// A signed CA trust list is malformed or its signature does not verify.
        public static let invalidTrustList = Code(.invalidTrustList)
        /// A signed CA trust list has a sequence lower than the last one seen.
        public static let staleTrustList = Code(.staleTrustList)
        /// The certificate (serial and issuer) is already revoked.
        public static let alreadyRevoked = Code(.alreadyRevoked)
        /// The revocation request is not acceptable (reason, empty serial).
        public static let invalidRevocation = Code(.invalidRevocation)
        /// Building or signing the CRL failed.
        public static let crlFailed = Code(.crlFailed)
        /// The password key derivation failed.
        public static let keyDerivationFailed = Code(.keyDerivationFailed)
        /// Too many failed logins for this user; retry after ``PolicyAdministrationError/retryAfter``.
        public static let tooManyAttempts = Code(.tooManyAttempts)

        /// The code's name.
        public var description: String { backing.rawValue }
    }
}
