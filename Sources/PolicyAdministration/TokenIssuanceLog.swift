/// The durable log of issued SPC tokens.
///
/// Contract: ``recordIssuance(_:)`` refuses a `jti` already logged with
/// ``PolicyAdministrationError/Code/duplicateTokenID``; ``issuances(accountID:)`` lists an account's
/// tokens by issue time, then `jti`.
public protocol TokenIssuanceLog: Sendable {
    /// Logs an issued token.
    func recordIssuance(_ issuance: TokenIssuance) async throws
    /// The token with `jti` `tokenID`, if logged.
    func issuance(tokenID: String) async throws -> TokenIssuance?
    /// Every token of an account, oldest first.
    func issuances(accountID: AccountID) async throws -> [TokenIssuance]
}
