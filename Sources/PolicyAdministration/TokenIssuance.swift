import Foundation
import TNAuthList

/// The record of one SPC token the STI-PA issued (RFC 9447 §4; kept for audit and `jti` uniqueness).
public struct TokenIssuance: Hashable, Sendable {
    /// The token's `jti` (RFC 7519 §4.1.7).
    public let tokenID: String
    /// The account the token was issued to.
    public let accountID: AccountID
    /// The user who asked for it.
    public let userID: String
    /// The `atc.tkvalue` granted.
    public let tnAuthList: TNAuthorizationList
    /// The `atc.ca` flag granted.
    public let ca: Bool
    /// The `atc.fingerprint` bound into the token.
    public let fingerprint: String
    /// When it was issued.
    public let issuedAt: Date
    /// Its `exp`.
    public let expiresAt: Date

    /// Creates a record.
    public init(
        tokenID: String,
        accountID: AccountID,
        userID: String,
        tnAuthList: TNAuthorizationList,
        ca: Bool,
        fingerprint: String,
        issuedAt: Date,
        expiresAt: Date
    ) {
        self.tokenID = tokenID
        self.accountID = accountID
        self.userID = userID
        self.tnAuthList = tnAuthList
        self.ca = ca
        self.fingerprint = fingerprint
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}
