import Foundation

/// The reference ``NonceStore``: issued nonces in memory, removed when consumed or expired.
public actor InMemoryNonceStore: NonceStore {
    private var nonces: [String: Date] = [:]

    /// An empty store.
    public init() {}

    /// The reference behaviour of the protocol requirement `insertNonce`.
    public func insertNonce(_ nonce: String, expiresAt: Date) {
        nonces[nonce] = expiresAt
    }

    /// The reference behaviour of the protocol requirement `consumeNonce`.
    public func consumeNonce(_ nonce: String, now: Date) -> Bool {
        guard let expiry = nonces.removeValue(forKey: nonce) else { return false }
        if nonces.count > 4_096 {
            nonces = nonces.filter { $0.value > now }
        }
        return now < expiry
    }
}

/// The reference ``TokenReplayStore``: used token IDs in memory until their expiry.
public actor InMemoryTokenReplayStore: TokenReplayStore {
    private struct Key: Hashable {
        let issuer: String
        let tokenID: String
    }

    private var used: [Key: Date] = [:]

    /// An empty store.
    public init() {}

    /// The reference behaviour of the protocol requirement `recordTokenUse`.
    public func recordTokenUse(issuer: String, tokenID: String, expiresAt: Date, now: Date) -> Bool {
        if used.count > 4_096 {
            used = used.filter { $0.value > now }
        }
        let key = Key(issuer: issuer, tokenID: tokenID)
        guard used[key] == nil else { return false }
        used[key] = expiresAt
        return true
    }
}
