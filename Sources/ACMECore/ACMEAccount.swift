import Foundation
import JOSE

/// An ACME account (RFC 8555 §7.1.2): a key, contacts and a status.
public struct ACMEAccount: Hashable, Sendable {
    /// The account's identifier.
    public typealias ID = ResourceID<ACMEAccount>

    /// Account status (RFC 8555 §7.1.6).
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// In use.
        case valid
        /// Deactivated by its holder (§7.3.6); final.
        case deactivated
        /// Revoked by the server; final.
        case revoked
    }

    /// The identifier.
    public let id: ID
    /// The account public key (ES256 only, see ``ACMERequestVerifier``).
    public var key: JSONWebKey
    /// Contact URLs (§7.1.2 `contact`).
    public var contact: [String]
    /// The status.
    public var status: Status
    /// When the account was created.
    public let createdAt: Date

    /// Creates an account value.
    public init(id: ID, key: JSONWebKey, contact: [String], status: Status = .valid, createdAt: Date) {
        self.id = id
        self.key = key
        self.contact = contact
        self.status = status
        self.createdAt = createdAt
    }

    /// The base64url RFC 7638 thumbprint of ``key``: the unique key under which stores index accounts.
    public var keyThumbprint: String { key.thumbprintBase64URL() }
}
