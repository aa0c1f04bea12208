import Foundation

/// An authorization of an account for one `TNAuthList` identifier (RFC 8555 §7.1.4, RFC 9448 §4).
public struct ACMEAuthorization: Hashable, Sendable {
    /// The authorization's identifier.
    public typealias ID = ResourceID<ACMEAuthorization>

    /// Authorization status (RFC 8555 §7.1.6).
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Waiting for a challenge to be validated.
        case pending
        /// A challenge was validated.
        case valid
        /// Validation failed.
        case invalid
        /// Deactivated by the client (§7.5.2).
        case deactivated
        /// Past its expiry.
        case expired
        /// Revoked by the server.
        case revoked
    }

    /// The identifier.
    public let id: ID
    /// The account it authorizes.
    public let accountID: ACMEAccount.ID
    /// The order it was created for.
    public let orderID: ACMEOrder.ID
    /// The authorized identifier.
    public let identifier: TNAuthListIdentifier
    /// The stored status (see ``effectiveStatus(at:)`` for expiry).
    public var status: Status
    /// When it expires.
    public let expires: Date
    /// Its challenges (one `tkauth-01`).
    public var challenges: [ACMEChallenge]
    /// Whether the validated SPC token allowed a CA certificate (`atc.ca`, RFC 9448 §5); `nil` until valid.
    public var grantsCA: Bool?

    /// Creates a pending authorization.
    public init(
        id: ID, accountID: ACMEAccount.ID, orderID: ACMEOrder.ID, identifier: TNAuthListIdentifier,
        expires: Date, challenges: [ACMEChallenge]
    ) {
        self.id = id
        self.accountID = accountID
        self.orderID = orderID
        self.identifier = identifier
        self.status = .pending
        self.expires = expires
        self.challenges = challenges
        self.grantsCA = nil
    }

    /// The status at `now`: a pending or valid authorization past ``expires`` is `expired` (RFC 8555 §7.1.6).
    public func effectiveStatus(at now: Date) -> Status {
        switch status {
        case .pending, .valid: now >= expires ? .expired : status
        case .invalid, .deactivated, .expired, .revoked: status
        }
    }
}
