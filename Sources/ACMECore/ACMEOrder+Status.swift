import Foundation

extension ACMEOrder.Status {
    /// The status of a pending or ready order derived from its authorizations (RFC 8555 §7.1.6):
    /// `invalid` if the order expired or any authorization is invalid, deactivated, expired or
    /// revoked; `ready` if all are valid; otherwise `pending`.
    ///
    /// - Parameters:
    ///   - authorizations: the effective statuses of the order's authorizations.
    ///   - expired: whether the order itself is past its expiry.
    public static func derived(from authorizations: [ACMEAuthorization.Status], expired: Bool) -> ACMEOrder.Status {
        if expired { return .invalid }
        if authorizations.isEmpty { return .pending }
        if authorizations.contains(where: { [.invalid, .deactivated, .expired, .revoked].contains($0) }) {
            return .invalid
        }
        return authorizations.allSatisfy { $0 == .valid } ? .ready : .pending
    }
}

extension ACMEOrder {
    /// The status a client sees at `now` (RFC 8555 §7.1.6): `processing`, `valid` and `invalid` are
    /// final as stored; a `pending` or `ready` order takes ``Status/derived(from:expired:)``.
    public func effectiveStatus(authorizations: [ACMEAuthorization], at now: Date) -> Status {
        switch status {
        case .processing, .valid, .invalid:
            return status
        case .pending, .ready:
            return .derived(from: authorizations.map { $0.effectiveStatus(at: now) }, expired: now >= expires)
        }
    }
}
