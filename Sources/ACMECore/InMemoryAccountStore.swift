import JOSE

/// The reference ``AccountStore``: an actor holding accounts in memory (dev mode and test double).
public actor InMemoryAccountStore: AccountStore {
    private var accounts: [ACMEAccount.ID: ACMEAccount] = [:]
    private var byKey: [String: ACMEAccount.ID] = [:]

    /// An empty store.
    public init() {}

    /// The reference behaviour of the protocol requirement `account`.
    public func account(_ id: ACMEAccount.ID) -> ACMEAccount? { accounts[id] }

    /// The reference behaviour of the protocol requirement `account`.
    public func account(keyThumbprint thumbprint: String) -> ACMEAccount? {
        byKey[thumbprint].flatMap { accounts[$0] }
    }

    /// The reference behaviour of the protocol requirement `createAccount`.
    public func createAccount(_ account: ACMEAccount) -> AccountCreation {
        if let existing = byKey[account.keyThumbprint], let stored = accounts[existing] {
            return .existing(stored)
        }
        accounts[account.id] = account
        byKey[account.keyThumbprint] = account.id
        return .created(account)
    }

    /// The reference behaviour of the protocol requirement `updateContact`.
    public func updateContact(_ id: ACMEAccount.ID, contact: [String]) -> ACMEAccount? {
        guard var account = accounts[id], account.status == .valid else { return nil }
        account.contact = contact
        accounts[id] = account
        return account
    }

    /// The reference behaviour of the protocol requirement `deactivateAccount`.
    public func deactivateAccount(_ id: ACMEAccount.ID) -> ACMEAccount? {
        guard var account = accounts[id], account.status == .valid else { return nil }
        account.status = .deactivated
        accounts[id] = account
        return account
    }

    /// The reference behaviour of the protocol requirement `changeKey`.
    public func changeKey(_ id: ACMEAccount.ID, from oldThumbprint: String, to newKey: JSONWebKey) -> KeyChangeOutcome {
        guard var account = accounts[id], account.status == .valid, account.keyThumbprint == oldThumbprint else {
            return .stale
        }
        let newThumbprint = newKey.thumbprintBase64URL()
        if let holder = byKey[newThumbprint] {
            return .keyInUse(holder)
        }
        byKey[oldThumbprint] = nil
        account.key = newKey
        byKey[newThumbprint] = id
        accounts[id] = account
        return .changed(account)
    }
}
