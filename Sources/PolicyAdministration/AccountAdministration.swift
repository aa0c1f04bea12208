import Foundation

/// The STI-PA operator's account operations (ATIS-1000080 §6.3.2 account registration and SP
/// authorisation), each one store operation after validation.
public struct AccountAdministration: Sendable {
    private let stores: PolicyAdministrationStores
    private let hasher: PasswordHasher
    private let randomBytes: RandomByteSource

    /// Creates the operator interface.
    ///
    /// - Parameters:
    ///   - stores: The stores.
    ///   - hasher: The password hasher for new users.
    ///   - randomBytes: The salt source.
    public init(stores: PolicyAdministrationStores, hasher: PasswordHasher = PasswordHasher(), randomBytes: @escaping RandomByteSource) {
        self.stores = stores
        self.hasher = hasher
        self.randomBytes = randomBytes
    }

    /// Registers a service provider.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/invalidAccount`` or ``PolicyAdministrationError/Code/duplicateAccount``.
    public func createAccount(_ account: ServiceProviderAccount) async throws {
        try account.validate()
        try await stores.accounts.createAccount(account)
    }

    /// Changes an account's name, TN ranges or STI-SCA authorisation.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/unknownAccount`` or ``PolicyAdministrationError/Code/invalidAccount``.
    @discardableResult
    public func updateAccount(id: AccountID, applying changes: AccountChanges) async throws -> ServiceProviderAccount {
        guard let current = try await stores.accounts.account(id: id) else {
            throw PolicyAdministrationError(.unknownAccount, "no account \(id)")
        }
        try changes.applied(to: current).validate()
        return try await stores.accounts.updateAccount(id: id, applying: changes)
    }

    /// Disables an account and ends every session of its users.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/unknownAccount``.
    @discardableResult
    public func disableAccount(id: AccountID) async throws -> ServiceProviderAccount {
        let account = try await stores.accounts.setAccountStatus(id: id, to: .disabled)
        _ = try await stores.accessTokens.revokeAccessTokens(accountID: id)
        return account
    }

    /// Re-enables a disabled account.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/unknownAccount``.
    @discardableResult
    public func enableAccount(id: AccountID) async throws -> ServiceProviderAccount {
        try await stores.accounts.setAccountStatus(id: id, to: .active)
    }

    /// Adds a portal user to an account.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/unknownAccount``, ``PolicyAdministrationError/Code/weakPassword``
    ///   or ``PolicyAdministrationError/Code/duplicateUser``.
    public func createUser(userID: String, accountID: AccountID, password: String) async throws {
        guard !userID.isEmpty, userID.utf8.count <= 256 else {
            throw PolicyAdministrationError(.invalidCredentials, "user id must have 1 to 256 bytes")
        }
        guard try await stores.accounts.account(id: accountID) != nil else {
            throw PolicyAdministrationError(.unknownAccount, "no account \(accountID)")
        }
        let hash = try hasher.hash(password: password, randomBytes: randomBytes)
        try await stores.credentials.createCredential(UserCredential(userID: userID, accountID: accountID, passwordHash: hash))
    }

    /// Sets a new password for a user and ends the user's account sessions.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/weakPassword`` or ``PolicyAdministrationError/Code/unknownUser``.
    public func changePassword(userID: String, to password: String) async throws {
        guard let credential = try await stores.credentials.credential(userID: userID) else {
            throw PolicyAdministrationError(.unknownUser, "no user \(userID)")
        }
        let hash = try hasher.hash(password: password, randomBytes: randomBytes)
        try await stores.credentials.replacePasswordHash(userID: userID, with: hash)
        _ = try await stores.accessTokens.revokeAccessTokens(accountID: credential.accountID)
    }
}
