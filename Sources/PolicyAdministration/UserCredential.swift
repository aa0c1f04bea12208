/// A login of a service provider's user at the STI-PA portal (spec digest §4.4: `userId` + `password`).
public struct UserCredential: Hashable, Sendable {
    /// The user identifier (`userId`).
    public let userID: String
    /// The account the user acts for.
    public let accountID: AccountID
    /// The salted scrypt hash of the password; the password itself is never stored.
    public var passwordHash: PasswordHash

    /// Creates a credential.
    public init(userID: String, accountID: AccountID, passwordHash: PasswordHash) {
        self.userID = userID
        self.accountID = accountID
        self.passwordHash = passwordHash
    }
}
