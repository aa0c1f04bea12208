import Foundation

/// The reference ``AccessTokenStore``: sessions in memory.
public actor InMemoryAccessTokenStore: AccessTokenStore {
    private var byHash: [[UInt8]: AccessTokenRecord] = [:]

    /// Creates an empty store.
    public init() {}

    /// See ``AccessTokenStore/storeAccessToken(_:)``.
    public func storeAccessToken(_ record: AccessTokenRecord) {
        byHash[record.tokenHash] = record
    }

    /// See ``AccessTokenStore/accessToken(hash:)``.
    public func accessToken(hash: [UInt8]) -> AccessTokenRecord? {
        byHash[hash]
    }

    /// See ``AccessTokenStore/revokeAccessToken(hash:)``.
    public func revokeAccessToken(hash: [UInt8]) -> Bool {
        byHash.removeValue(forKey: hash) != nil
    }

    /// See ``AccessTokenStore/revokeAccessTokens(accountID:)``.
    public func revokeAccessTokens(accountID: AccountID) -> Int {
        let keys = byHash.filter { $0.value.accountID == accountID }.map(\.key)
        keys.forEach { byHash.removeValue(forKey: $0) }
        return keys.count
    }

    /// See ``AccessTokenStore/purgeAccessTokens(expiredAt:)``.
    public func purgeAccessTokens(expiredAt date: Date) -> Int {
        let keys = byHash.filter { $0.value.expiresAt <= date }.map(\.key)
        keys.forEach { byHash.removeValue(forKey: $0) }
        return keys.count
    }
}
