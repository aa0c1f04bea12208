/// The reference ``AccountStore``: accounts in memory.
public actor InMemoryAccountStore: AccountStore {
    private var byID: [AccountID: ServiceProviderAccount] = [:]

    /// Creates an empty store.
    public init() {}

    /// See ``AccountStore/createAccount(_:)``.
    public func createAccount(_ account: ServiceProviderAccount) throws {
        guard byID[account.id] == nil else {
            throw PolicyAdministrationError(.duplicateAccount, "account \(account.id) already exists")
        }
        guard !byID.values.contains(where: { $0.spc == account.spc }) else {
            throw PolicyAdministrationError(.duplicateAccount, "SPC \(account.spc.value) already belongs to an account")
        }
        byID[account.id] = account
    }

    /// See ``AccountStore/account(id:)``.
    public func account(id: AccountID) -> ServiceProviderAccount? {
        byID[id]
    }

    /// See ``AccountStore/accounts()``.
    public func accounts() -> [ServiceProviderAccount] {
        byID.values.sorted { $0.id < $1.id }
    }

    /// See ``AccountStore/updateAccount(id:applying:)``.
    public func updateAccount(id: AccountID, applying changes: AccountChanges) throws -> ServiceProviderAccount {
        guard let current = byID[id] else {
            throw PolicyAdministrationError(.unknownAccount, "no account \(id)")
        }
        let updated = changes.applied(to: current)
        byID[id] = updated
        return updated
    }

    /// See ``AccountStore/setAccountStatus(id:to:)``.
    public func setAccountStatus(id: AccountID, to status: ServiceProviderAccount.Status) throws -> ServiceProviderAccount {
        guard var current = byID[id] else {
            throw PolicyAdministrationError(.unknownAccount, "no account \(id)")
        }
        current.status = status
        byID[id] = current
        return current
    }
}
