import Foundation

/// Anti-replay nonces (RFC 8555 §6.5): each is issued once and accepted at most once, before it expires.
public protocol NonceStore: Sendable {
    /// Records a freshly issued nonce valid until `expiresAt`.
    func insertNonce(_ nonce: String, expiresAt: Date) async throws
    /// Consumes a nonce: returns `true` exactly once for an issued, unexpired nonce, and `false` for an
    /// unknown, already used or expired one. Must be atomic under concurrent callers.
    func consumeNonce(_ nonce: String, now: Date) async throws -> Bool
}

/// Authority Token replay protection (RFC 9447 §4 `jti`, RFC 9448 §6): each token is accepted once.
public protocol TokenReplayStore: Sendable {
    /// Records the use of token `tokenID` from `issuer`; returns `true` on first use and `false` if it
    /// was used before. Entries may be forgotten after `expiresAt`, when the token no longer verifies.
    func recordTokenUse(issuer: String, tokenID: String, expiresAt: Date, now: Date) async throws -> Bool
}
