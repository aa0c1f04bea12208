/// The reference ``CredentialStore``: credentials in memory.
public actor InMemoryCredentialStore: CredentialStore {
    private var byUser: [String: UserCredential] = [:]

    /// Creates an empty store.
    public init() {}

    /// See ``CredentialStore/createCredential(_:)``.
    public func createCredential(_ credential: UserCredential) throws {
        guard byUser[credential.userID] == nil else {
            throw PolicyAdministrationError(.duplicateUser, "user \(credential.userID) already exists")
        }
        byUser[credential.userID] = credential
    }

    /// See ``CredentialStore/credential(userID:)``.
    public func credential(userID: String) -> UserCredential? {
        byUser[userID]
    }

    /// See ``CredentialStore/replacePasswordHash(userID:with:)``.
    public func replacePasswordHash(userID: String, with hash: PasswordHash) throws {
        guard byUser[userID] != nil else {
            throw PolicyAdministrationError(.unknownUser, "no user \(userID)")
        }
        byUser[userID]?.passwordHash = hash
    }

    /// See ``CredentialStore/removeCredential(userID:)``.
    public func removeCredential(userID: String) -> Bool {
        byUser.removeValue(forKey: userID) != nil
    }
}
