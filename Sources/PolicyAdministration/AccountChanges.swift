import TNAuthList

/// The fields an operator may change on an account (ATIS-1000080 §6.3.2 account maintenance);
/// `nil` leaves a field unchanged.
public struct AccountChanges: Hashable, Sendable {
    /// A new name.
    public var name: String?
    /// A new TN entry list: `.some(nil)` makes the account SPC-only.
    public var tnRanges: [TNEntry]??
    /// A new STI-SCA authorisation.
    public var mayRunSubordinateCA: Bool?

    /// Creates a change set.
    public init(name: String? = nil, tnRanges: [TNEntry]?? = nil, mayRunSubordinateCA: Bool? = nil) {
        self.name = name
        self.tnRanges = tnRanges
        self.mayRunSubordinateCA = mayRunSubordinateCA
    }

    /// `account` with the changes applied.
    public func applied(to account: ServiceProviderAccount) -> ServiceProviderAccount {
        var result = account
        if let name { result.name = name }
        if let tnRanges { result.tnRanges = tnRanges }
        if let mayRunSubordinateCA { result.mayRunSubordinateCA = mayRunSubordinateCA }
        return result
    }
}
