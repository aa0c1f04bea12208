import Foundation
import PolicyAdministration
import SQLKit

/// PolicyAdministration's ``AccessTokenStore`` on SQL (spec digest §4.4 login/logout): table
/// `pa_access_tokens` keyed by the token's SHA-256 hash.
public struct SQLAccessTokenStore: AccessTokenStore {
    let engine: SQLEngine

    /// See ``AccessTokenStore/storeAccessToken(_:)``.
    public func storeAccessToken(_ record: AccessTokenRecord) async throws {
        try await engine.run("""
            INSERT INTO pa_access_tokens (token_hash, user_id, account_id, issued_at, expires_at)
            VALUES (\(bind: record.tokenHash.storedValue), \(bind: record.userID), \(bind: record.accountID.value),
                \(bind: record.issuedAt.storedValue), \(bind: record.expiresAt.storedValue))
            ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, account_id = excluded.account_id,
                issued_at = excluded.issued_at, expires_at = excluded.expires_at
            """)
    }

    /// See ``AccessTokenStore/accessToken(hash:)``.
    public func accessToken(hash: [UInt8]) async throws -> AccessTokenRecord? {
        try await engine.firstRow("""
            SELECT token_hash, user_id, account_id, issued_at, expires_at FROM pa_access_tokens WHERE token_hash = \(bind: hash.storedValue)
            """).map { row in
            AccessTokenRecord(
                tokenHash: try row.bytes("token_hash"), userID: try row.string("user_id"), accountID: AccountID(try row.string("account_id")),
                issuedAt: try row.date("issued_at"), expiresAt: try row.date("expires_at")
            )
        }
    }

    /// See ``AccessTokenStore/revokeAccessToken(hash:)``.
    public func revokeAccessToken(hash: [UInt8]) async throws -> Bool {
        try await engine.rows("DELETE FROM pa_access_tokens WHERE token_hash = \(bind: hash.storedValue) RETURNING user_id").count == 1
    }

    /// See ``AccessTokenStore/revokeAccessTokens(accountID:)``.
    public func revokeAccessTokens(accountID: AccountID) async throws -> Int {
        try await engine.rows("DELETE FROM pa_access_tokens WHERE account_id = \(bind: accountID.value) RETURNING user_id").count
    }

    /// See ``AccessTokenStore/purgeAccessTokens(expiredAt:)``.
    public func purgeAccessTokens(expiredAt date: Date) async throws -> Int {
        try await engine.rows("DELETE FROM pa_access_tokens WHERE expires_at <= \(bind: date.storedValue) RETURNING user_id").count
    }
}
