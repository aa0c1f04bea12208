import Foundation
import TNAuthList

/// The identifier of a service-provider account at the STI-PA, the `{id}` of
/// `POST /api/v1/account/{id}/token` (spec digest §4.4, deployed API).
public struct AccountID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The identifier text.
    public let value: String

    /// Wraps an identifier.
    public init(_ value: String) {
        self.value = value
    }

    /// Text order.
    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.value < rhs.value }

    /// The identifier text.
    public var description: String { value }
}

/// A service provider registered with the STI-PA (ATIS-1000080 §6.3.2): its SPC and, for TN-level
/// accounts, the telephone-number ranges it may obtain tokens for (seed 002, figure 9: "SPC and TNs
/// assigned to SP-1").
public struct ServiceProviderAccount: Hashable, Sendable {
    /// Whether the account may obtain tokens.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Tokens may be issued.
        case active
        /// Disabled by the operator: no login, no tokens.
        case disabled
    }

    /// The account identifier.
    public let id: AccountID
    /// The provider's name.
    public var name: String
    /// The provider's service provider code (ATIS-1000080 §6.3.2).
    public var spc: ServiceProviderCode
    /// The TN entries (numbers and ranges) a TN-level account holds; `nil` for an SPC-only account.
    public var tnRanges: [TNEntry]?
    /// Whether the provider is authorised to run an STI-SCA, i.e. may obtain `ca: true` tokens (ATIS-1000092).
    public var mayRunSubordinateCA: Bool
    /// The account status.
    public var status: Status

    /// Creates an account.
    public init(
        id: AccountID,
        name: String,
        spc: ServiceProviderCode,
        tnRanges: [TNEntry]? = nil,
        mayRunSubordinateCA: Bool = false,
        status: Status = .active
    ) {
        self.id = id
        self.name = name
        self.spc = spc
        self.tnRanges = tnRanges
        self.mayRunSubordinateCA = mayRunSubordinateCA
        self.status = status
    }

    /// The scope the account holds: its SPC plus its TN entries (RFC 9060 §4 scope arithmetic).
    public var heldScope: TNScope {
        TNScope(entries: [TNEntry.spc(spc)] + (tnRanges ?? []))
    }

    /// Checks the fields an operator sets.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/invalidAccount`` for an empty id or name, or an empty
    ///   (rather than absent) TN entry list.
    public func validate() throws(PolicyAdministrationError) {
        guard !id.value.isEmpty else {
            throw PolicyAdministrationError(.invalidAccount, "account id is empty")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PolicyAdministrationError(.invalidAccount, "account \(id) has an empty name")
        }
        if let tnRanges, tnRanges.isEmpty {
            throw PolicyAdministrationError(.invalidAccount, "account \(id) has an empty TN range list; omit it for an SPC-only account")
        }
        if let tnRanges, tnRanges.contains(where: { if case .spc = $0 { true } else { false } }) {
            throw PolicyAdministrationError(.invalidAccount, "account \(id) lists a service provider code among its TN ranges")
        }
    }
}
