/// Durable user credentials of the STI-PA (spec digest §4.4 login).
///
/// Contract: ``createCredential(_:)`` refuses a used user id with ``PolicyAdministrationError/Code/duplicateUser``;
/// ``replacePasswordHash(userID:with:)`` on an unknown user throws ``PolicyAdministrationError/Code/unknownUser``.
public protocol CredentialStore: Sendable {
    /// Adds a user.
    func createCredential(_ credential: UserCredential) async throws
    /// The credential of `userID`, if any.
    func credential(userID: String) async throws -> UserCredential?
    /// Replaces a user's password hash.
    func replacePasswordHash(userID: String, with hash: PasswordHash) async throws
    /// Removes a user; returns whether one was removed.
    func removeCredential(userID: String) async throws -> Bool
}
