/// Durable service-provider accounts of the STI-PA (ATIS-1000080 §6.3.2), with the operator's
/// intent-revealing operations.
///
/// Contract (checked by `PolicyAdministrationTesting.StoreContract`):
/// - ``createAccount(_:)`` refuses an id or SPC already used with ``PolicyAdministrationError/Code/duplicateAccount``;
/// - updates and status changes on an unknown id throw ``PolicyAdministrationError/Code/unknownAccount``;
/// - ``accounts()`` lists every account in id order.
public protocol AccountStore: Sendable {
    /// Adds a new account.
    func createAccount(_ account: ServiceProviderAccount) async throws
    /// The account with `id`, if any.
    func account(id: AccountID) async throws -> ServiceProviderAccount?
    /// Every account, in id order.
    func accounts() async throws -> [ServiceProviderAccount]
    /// Applies operator changes and returns the updated account.
    func updateAccount(id: AccountID, applying changes: AccountChanges) async throws -> ServiceProviderAccount
    /// Sets the account's status and returns the updated account.
    func setAccountStatus(id: AccountID, to status: ServiceProviderAccount.Status) async throws -> ServiceProviderAccount
}
