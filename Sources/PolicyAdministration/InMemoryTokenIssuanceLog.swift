/// The reference ``TokenIssuanceLog``: issuances in memory.
public actor InMemoryTokenIssuanceLog: TokenIssuanceLog {
    private var byID: [String: TokenIssuance] = [:]

    /// Creates an empty log.
    public init() {}

    /// See ``TokenIssuanceLog/recordIssuance(_:)``.
    public func recordIssuance(_ issuance: TokenIssuance) throws {
        guard byID[issuance.tokenID] == nil else {
            throw PolicyAdministrationError(.duplicateTokenID, "jti \(issuance.tokenID) was already issued")
        }
        byID[issuance.tokenID] = issuance
    }

    /// See ``TokenIssuanceLog/issuance(tokenID:)``.
    public func issuance(tokenID: String) -> TokenIssuance? {
        byID[tokenID]
    }

    /// See ``TokenIssuanceLog/issuances(accountID:)``.
    public func issuances(accountID: AccountID) -> [TokenIssuance] {
        byID.values
            .filter { $0.accountID == accountID }
            .sorted { ($0.issuedAt, $0.tokenID) < ($1.issuedAt, $1.tokenID) }
    }
}
