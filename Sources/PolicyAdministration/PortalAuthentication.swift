import Foundation

/// Login, logout and access-token checks of the STI-PA portal API (spec digest §4.4:
/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `Authorization: <accessToken>`).
public struct PortalAuthentication: Sendable {
    /// The result of a successful login.
    public struct Grant: Hashable, Sendable {
        /// The bearer token; shown to the client once, stored only as a hash.
        public let accessToken: AccessToken
        /// The account the user acts for.
        public let accountID: AccountID
        /// When the token stops being accepted.
        public let expiresAt: Date
    }

    /// A user proven by a live access token.
    public struct AuthenticatedUser: Hashable, Sendable {
        /// The user.
        public let userID: String
        /// The user's account.
        public let accountID: AccountID
        /// When the session ends.
        public let expiresAt: Date
    }

    private let stores: PolicyAdministrationStores
    private let hasher: PasswordHasher
    private let randomBytes: RandomByteSource
    private let now: @Sendable () -> Date
    private let throttle: LoginThrottle
    /// How long an access token lives.
    public let sessionLifetime: TimeInterval

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - stores: The stores.
    ///   - hasher: The password hasher (its limits apply to login input).
    ///   - sessionLifetime: Access-token lifetime in seconds (default one hour).
    ///   - randomBytes: The token source (a CSPRNG in production).
    ///   - now: The clock.
    ///   - throttle: The failed-login limits (shared by every portal of one user population).
    public init(
        stores: PolicyAdministrationStores,
        hasher: PasswordHasher = PasswordHasher(),
        sessionLifetime: TimeInterval = 3600,
        randomBytes: @escaping RandomByteSource,
        now: @escaping @Sendable () -> Date,
        throttle: LoginThrottle = LoginThrottle()
    ) {
        self.throttle = throttle
        self.stores = stores
        self.hasher = hasher
        self.sessionLifetime = sessionLifetime
        self.randomBytes = randomBytes
        self.now = now
    }

    /// Checks a user's password and opens a session.
    ///
    /// An unknown user costs the same key derivation as a wrong password, and both give the same error.
    /// Repeated failures for one user ID lock it out for a while (``LoginThrottle``), unknown IDs
    /// included, so the lockout does not reveal which users exist.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/invalidCredentials``,
    ///   ``PolicyAdministrationError/Code/tooManyAttempts`` or
    ///   ``PolicyAdministrationError/Code/accountDisabled``.
    public func login(userID: String, password: String) async throws -> Grant {
        try throttle.admit(userID: userID, at: now())
        let credential = try await stores.credentials.credential(userID: userID)
        let stored = credential?.passwordHash ?? decoyHash
        let matches = try hasher.verify(password: password, against: stored)
        guard let credential, matches else {
            throttle.recordFailure(userID: userID, at: now())
            throw PolicyAdministrationError(.invalidCredentials, "unknown user or wrong password")
        }
        throttle.recordSuccess(userID: userID)
        guard let account = try await stores.accounts.account(id: credential.accountID) else {
            throw PolicyAdministrationError(.unknownAccount, "user \(userID) belongs to no existing account")
        }
        guard account.status == .active else {
            throw PolicyAdministrationError(.accountDisabled, "account \(account.id) is disabled")
        }
        let token = AccessToken(randomBytes: randomBytes)
        let issuedAt = now()
        let record = AccessTokenRecord(
            tokenHash: token.hash,
            userID: userID,
            accountID: account.id,
            issuedAt: issuedAt,
            expiresAt: issuedAt + sessionLifetime
        )
        try await stores.accessTokens.storeAccessToken(record)
        return Grant(accessToken: token, accountID: account.id, expiresAt: record.expiresAt)
    }

    /// Ends the session of `token`.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/notAuthenticated`` if it is not a live session.
    public func logout(_ token: AccessToken) async throws {
        _ = try await authenticate(token)
        _ = try await stores.accessTokens.revokeAccessToken(hash: token.hash)
    }

    /// The user behind a live access token.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/notAuthenticated`` for an unknown, expired or logged-out token.
    public func authenticate(_ token: AccessToken) async throws -> AuthenticatedUser {
        guard token.value.utf8.count <= 512,
            let record = try await stores.accessTokens.accessToken(hash: token.hash),
            token.matches(storedHash: record.tokenHash)
        else {
            throw PolicyAdministrationError(.notAuthenticated, "access token is not valid")
        }
        guard now() < record.expiresAt else {
            _ = try await stores.accessTokens.revokeAccessToken(hash: record.tokenHash)
            throw PolicyAdministrationError(.notAuthenticated, "access token expired at \(record.expiresAt)")
        }
        return AuthenticatedUser(userID: record.userID, accountID: record.accountID, expiresAt: record.expiresAt)
    }

    /// A hash with the current parameters that no password matches in practice, used for unknown users.
    private var decoyHash: PasswordHash {
        PasswordHash(
            costExponent: hasher.costExponent,
            blockSize: hasher.blockSize,
            parallelism: hasher.parallelism,
            salt: [UInt8](repeating: 0, count: PasswordHasher.saltLength),
            derivedKey: [UInt8](repeating: 0, count: PasswordHasher.keyLength)
        )
    }
}
