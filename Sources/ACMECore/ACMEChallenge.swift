import Foundation

/// A `tkauth-01` challenge (RFC 9447 §3, RFC 9448 §4; RFC 8555 §7.1.5 for the common fields):
/// `{"type":"tkauth-01","tkauth-type":"atc","token-authority":…,"token":…,"status":…}`.
public struct ACMEChallenge: Hashable, Sendable {
    /// The challenge's identifier.
    public typealias ID = ResourceID<ACMEChallenge>

    /// Challenge status (RFC 8555 §7.1.6).
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Waiting for the client's response.
        case pending
        /// The response is being validated.
        case processing
        /// Validation succeeded.
        case valid
        /// Validation failed; ``ACMEChallenge/error`` says why.
        case invalid
    }

    /// The challenge type, `tkauth-01` (RFC 9447 §3).
    public static let type = "tkauth-01"
    /// The token type, `atc` (RFC 9448 §4).
    public static let tokenType = "atc"

    /// The identifier.
    public let id: ID
    /// The authorization this challenge belongs to.
    public let authorizationID: ACMEAuthorization.ID
    /// The random challenge token (RFC 8555 §8.1: ≥ 128 bits of entropy).
    public let token: String
    /// Where the client obtains an Authority Token (`token-authority`, RFC 9447 §3), if configured.
    public let tokenAuthority: String?
    /// The status.
    public var status: Status
    /// When validation succeeded.
    public var validated: Date?
    /// Why validation failed.
    public var error: ACMEError?

    /// Creates a pending challenge.
    public init(id: ID, authorizationID: ACMEAuthorization.ID, token: String, tokenAuthority: String?) {
        self.id = id
        self.authorizationID = authorizationID
        self.token = token
        self.tokenAuthority = tokenAuthority
        self.status = .pending
        self.validated = nil
        self.error = nil
    }
}
