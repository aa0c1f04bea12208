import ACMECore
import Foundation
import SQLKit

/// ACMECore's ``NonceStore`` on SQL (RFC 8555 §6.5): table `acme_nonces`. Consumption is one
/// `DELETE … RETURNING`, so among concurrent consumers of a nonce exactly one gets its row.
public struct SQLNonceStore: NonceStore {
    let engine: SQLEngine

    /// See ``NonceStore/insertNonce(_:expiresAt:)``.
    public func insertNonce(_ nonce: String, expiresAt: Date) async throws {
        try await engine.run("""
            INSERT INTO acme_nonces (nonce, expires_at) VALUES (\(bind: nonce), \(bind: expiresAt.storedValue))
            ON CONFLICT (nonce) DO UPDATE SET expires_at = excluded.expires_at
            """)
    }

    /// See ``NonceStore/consumeNonce(_:now:)``.
    public func consumeNonce(_ nonce: String, now: Date) async throws -> Bool {
        try await engine.withSession { session in
            let taken = try await session.rows("DELETE FROM acme_nonces WHERE nonce = \(bind: nonce) RETURNING expires_at")
            try await session.run("DELETE FROM acme_nonces WHERE expires_at <= \(bind: now.storedValue)")
            guard let row = taken.first else { return false }
            return now < (try row.date("expires_at"))
        }
    }
}

/// ACMECore's ``TokenReplayStore`` on SQL (RFC 9447 §4 `jti`): table `acme_token_uses` keyed by
/// (issuer, jti); the first `INSERT` wins, and entries past their expiry are purged.
public struct SQLTokenReplayStore: TokenReplayStore {
    let engine: SQLEngine

    /// See ``TokenReplayStore/recordTokenUse(issuer:tokenID:expiresAt:now:)``.
    public func recordTokenUse(issuer: String, tokenID: String, expiresAt: Date, now: Date) async throws -> Bool {
        try await engine.withSession { session in
            try await session.run("DELETE FROM acme_token_uses WHERE expires_at <= \(bind: now.storedValue)")
            let inserted = try await session.rows("""
                INSERT INTO acme_token_uses (issuer, token_id, expires_at)
                VALUES (\(bind: issuer), \(bind: tokenID), \(bind: expiresAt.storedValue))
                ON CONFLICT DO NOTHING RETURNING token_id
                """)
            return !inserted.isEmpty
        }
    }
}
