import Foundation

/// Durable access-token sessions, keyed by the token's SHA-256 hash (spec digest §4.4 login/logout).
///
/// Contract: a stored record is found by its hash until revoked; revoking by account removes every
/// session of that account; purging removes exactly the records expired at the given time.
public protocol AccessTokenStore: Sendable {
    /// Stores a new session.
    func storeAccessToken(_ record: AccessTokenRecord) async throws
    /// The session stored under `hash`, if any.
    func accessToken(hash: [UInt8]) async throws -> AccessTokenRecord?
    /// Removes one session (logout); returns whether one was removed.
    func revokeAccessToken(hash: [UInt8]) async throws -> Bool
    /// Removes every session of an account; returns how many.
    func revokeAccessTokens(accountID: AccountID) async throws -> Int
    /// Removes sessions whose `expiresAt` is at or before `date`; returns how many.
    func purgeAccessTokens(expiredAt date: Date) async throws -> Int
}
