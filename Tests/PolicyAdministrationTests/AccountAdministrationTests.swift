import Foundation
import PolicyAdministration
import PolicyAdministrationTesting
import TNAuthList
import Testing

@Suite("Operator account administration")
struct AccountAdministrationTests {
    @Test("invalid accounts are refused before they reach the store", arguments: [
        ServiceProviderAccount(id: AccountID(""), name: "x", spc: Fixture.spc("1111")),
        ServiceProviderAccount(id: AccountID("a"), name: "  ", spc: Fixture.spc("1111")),
        ServiceProviderAccount(id: AccountID("a"), name: "x", spc: Fixture.spc("1111"), tnRanges: []),
        ServiceProviderAccount(id: AccountID("a"), name: "x", spc: Fixture.spc("1111"), tnRanges: [.spc(Fixture.spc("2222"))]),
    ])
    func invalidAccountRefused(account: ServiceProviderAccount) async throws {
        let stores = PolicyAdministrationStores.inMemory()
        let admin = AccountAdministration(stores: stores, hasher: Fixture.fastHasher, randomBytes: TestRandom().source)
        await StoreContract.expectCode(.invalidAccount) { try await admin.createAccount(account) }
        #expect(try await stores.accounts.accounts().isEmpty)
    }

    @Test("an update that would empty the TN range list is refused and leaves the account unchanged")
    func invalidUpdateRefused() async throws {
        let (stores, admin, _) = try await Fixture.provisioned(clock: TestClock())
        await StoreContract.expectCode(.invalidAccount) {
            try await admin.updateAccount(id: Fixture.tnLevel.id, applying: AccountChanges(tnRanges: .some([])))
        }
        #expect(try await stores.accounts.account(id: Fixture.tnLevel.id) == Fixture.tnLevel)
        await StoreContract.expectCode(.unknownAccount) {
            try await admin.updateAccount(id: AccountID("nobody"), applying: AccountChanges(name: "x"))
        }
    }

    @Test("users need an existing account, a unique id and an acceptable password")
    func userRules() async throws {
        let (_, admin, _) = try await Fixture.provisioned(clock: TestClock())
        await StoreContract.expectCode(.unknownAccount) {
            try await admin.createUser(userID: "bob", accountID: AccountID("nobody"), password: Fixture.password)
        }
        await StoreContract.expectCode(.duplicateUser) {
            try await admin.createUser(userID: "alice", accountID: Fixture.spcOnly.id, password: Fixture.password)
        }
        await StoreContract.expectCode(.weakPassword) {
            try await admin.createUser(userID: "bob", accountID: Fixture.spcOnly.id, password: "short")
        }
        await StoreContract.expectCode(.invalidCredentials) {
            try await admin.createUser(userID: "", accountID: Fixture.spcOnly.id, password: Fixture.password)
        }
    }

    @Test("disabling an account ends its sessions and blocks login; enabling allows login again")
    func disableEndsSessions() async throws {
        let (_, admin, auth) = try await Fixture.provisioned(clock: TestClock())
        let grant = try await auth.login(userID: "alice", password: Fixture.password)
        _ = try await auth.authenticate(grant.accessToken)
        let disabled = try await admin.disableAccount(id: Fixture.spcOnly.id)
        #expect(disabled.status == .disabled)
        await StoreContract.expectCode(.notAuthenticated) { _ = try await auth.authenticate(grant.accessToken) }
        await StoreContract.expectCode(.accountDisabled) { _ = try await auth.login(userID: "alice", password: Fixture.password) }
        try await admin.enableAccount(id: Fixture.spcOnly.id)
        _ = try await auth.login(userID: "alice", password: Fixture.password)
    }
}
