import JOSE

/// Read access to accounts (RFC 8555 §7.1.2), for request verification and the HTTP layer.
public protocol AccountReader: Sendable {
    /// The account with `id`, if any.
    func account(_ id: ACMEAccount.ID) async throws -> ACMEAccount?
    /// The account whose key has the base64url RFC 7638 thumbprint `thumbprint`, if any.
    func account(keyThumbprint thumbprint: String) async throws -> ACMEAccount?
}

/// The outcome of ``AccountStore/createAccount(_:)``.
public enum AccountCreation: Hashable, Sendable {
    /// A new account was stored.
    case created(ACMEAccount)
    /// An account with the same key already existed; it is returned unchanged (RFC 8555 §7.3.1).
    case existing(ACMEAccount)
}

/// The outcome of ``AccountStore/changeKey(_:from:to:)`` (RFC 8555 §7.3.5).
public enum KeyChangeOutcome: Hashable, Sendable {
    /// The key was replaced.
    case changed(ACMEAccount)
    /// Another account already uses the new key.
    case keyInUse(ACMEAccount.ID)
    /// The account is missing, not valid, or no longer has the old key.
    case stale
}

/// Account writes, each an intent with a compare-and-set condition (RFC 8555 §7.3).
public protocol AccountStore: AccountReader {
    /// Stores a new account unless its key is already registered (keys are unique).
    func createAccount(_ account: ACMEAccount) async throws -> AccountCreation
    /// Replaces the contacts of a valid account; returns the updated account, or `nil` if it is
    /// missing or not valid (§7.3.2).
    func updateContact(_ id: ACMEAccount.ID, contact: [String]) async throws -> ACMEAccount?
    /// Marks a valid account deactivated; returns the updated account, or `nil` if it was not valid (§7.3.6).
    func deactivateAccount(_ id: ACMEAccount.ID) async throws -> ACMEAccount?
    /// Replaces the key of a valid account if it still has the key with thumbprint `oldThumbprint` (§7.3.5).
    func changeKey(_ id: ACMEAccount.ID, from oldThumbprint: String, to newKey: JSONWebKey) async throws -> KeyChangeOutcome
}
