import Foundation

/// An ACME order for one `TNAuthList` identifier (RFC 8555 §7.1.3, RFC 9448 §3).
public struct ACMEOrder: Hashable, Sendable {
    /// The order's identifier.
    public typealias ID = ResourceID<ACMEOrder>

    /// Order status (RFC 8555 §7.1.6).
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Authorizations are not all valid yet.
        case pending
        /// All authorizations are valid; the order may be finalized.
        case ready
        /// Finalization is under way.
        case processing
        /// The certificate was issued.
        case valid
        /// The order failed; ``ACMEOrder/error`` says why.
        case invalid
    }

    /// The identifier.
    public let id: ID
    /// The account that placed it.
    public let accountID: ACMEAccount.ID
    /// The one identifier.
    public let identifier: TNAuthListIdentifier
    /// The stored status (see ``effectiveStatus(authorizations:at:)``).
    public var status: Status
    /// When it expires.
    public let expires: Date
    /// The requested start of validity (§7.1.3 `notBefore`).
    public let notBefore: Date?
    /// The requested end of validity (§7.1.3 `notAfter`).
    public let notAfter: Date?
    /// Its authorizations.
    public let authorizationIDs: [ACMEAuthorization.ID]
    /// The issued certificate's serial, once valid.
    public var certificateSerial: CertificateSerial?
    /// Why it failed.
    public var error: ACMEError?
    /// When it entered `processing`, for the reconciler.
    public var processingStartedAt: Date?

    /// Creates a pending order.
    public init(
        id: ID, accountID: ACMEAccount.ID, identifier: TNAuthListIdentifier, expires: Date,
        notBefore: Date?, notAfter: Date?, authorizationIDs: [ACMEAuthorization.ID]
    ) {
        self.id = id
        self.accountID = accountID
        self.identifier = identifier
        self.status = .pending
        self.expires = expires
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.authorizationIDs = authorizationIDs
        self.certificateSerial = nil
        self.error = nil
        self.processingStartedAt = nil
    }
}
