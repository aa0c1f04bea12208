import Crypto
import Foundation
import JOSE

/// A bearer access token handed out by login (spec digest §4.4: `accessToken`, sent raw in `Authorization`).
///
/// 256 random bits, base64url without padding. Only its SHA-256 hash is stored.
public struct AccessToken: Hashable, Sendable, CustomStringConvertible {
    /// The token text the client sends.
    public let value: String

    /// Wraps token text received from a client.
    public init(_ value: String) {
        self.value = value
    }

    /// A fresh token from 32 random bytes.
    public init(randomBytes: RandomByteSource) {
        self.value = Base64URL.encode(randomBytes(32))
    }

    /// The SHA-256 hash under which the token is stored.
    public var hash: [UInt8] {
        Array(SHA256.hash(data: Array(value.utf8)))
    }

    /// Whether this token hashes to `storedHash`, compared in constant time.
    public func matches(storedHash: [UInt8]) -> Bool {
        SHA256.hash(data: Array(value.utf8)) == storedHash
    }

    /// Never prints the secret.
    public var description: String { "AccessToken(…)" }
}

/// The stored form of an access token: its hash, owner and lifetime.
public struct AccessTokenRecord: Hashable, Sendable {
    /// SHA-256 of the token text.
    public let tokenHash: [UInt8]
    /// The user who logged in.
    public let userID: String
    /// The user's account.
    public let accountID: AccountID
    /// When it was issued.
    public let issuedAt: Date
    /// When it stops being accepted.
    public let expiresAt: Date

    /// Creates a record.
    public init(tokenHash: [UInt8], userID: String, accountID: AccountID, issuedAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.accountID = accountID
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}
