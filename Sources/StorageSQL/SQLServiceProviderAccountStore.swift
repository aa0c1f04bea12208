import Foundation
import PolicyAdministration
import SQLKit
import TNAuthList

/// PolicyAdministration's ``PolicyAdministration/AccountStore`` on SQL (ATIS-1000080 §6.3.2): table
/// `pa_accounts` with the id as PRIMARY KEY and the SPC UNIQUE; TN ranges stored as the DER of a
/// TNAuthorizationList (RFC 8226 §9) holding exactly the account's entries.
public struct SQLServiceProviderAccountStore: PolicyAdministration.AccountStore {
    let engine: SQLEngine

    static let columns = "id, name, spc, tn_ranges, may_run_subordinate_ca, status"

    /// See ``PolicyAdministration/AccountStore/createAccount(_:)``.
    public func createAccount(_ account: ServiceProviderAccount) async throws {
        let inserted = try await engine.rows("""
            INSERT INTO pa_accounts (\(unsafeRaw: Self.columns))
            VALUES (\(bind: account.id.value), \(bind: account.name), \(bind: account.spc.value), \(bind: try Self.encode(account.tnRanges)),
                \(bind: account.mayRunSubordinateCA.storedValue), \(bind: account.status.rawValue))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        guard inserted.isEmpty else { return }
        if try await self.account(id: account.id) != nil {
            throw PolicyAdministrationError(.duplicateAccount, "account \(account.id) already exists")
        }
        throw PolicyAdministrationError(.duplicateAccount, "SPC \(account.spc.value) already belongs to an account")
    }

    /// See ``PolicyAdministration/AccountStore/account(id:)``.
    public func account(id: AccountID) async throws -> ServiceProviderAccount? {
        try await engine.firstRow("SELECT \(unsafeRaw: Self.columns) FROM pa_accounts WHERE id = \(bind: id.value)").map(Self.decode)
    }

    /// See ``PolicyAdministration/AccountStore/accounts()``.
    public func accounts() async throws -> [ServiceProviderAccount] {
        try await engine.rows("SELECT \(unsafeRaw: Self.columns) FROM pa_accounts").map(Self.decode).sorted { $0.id < $1.id }
    }

    /// See ``PolicyAdministration/AccountStore/updateAccount(id:applying:)``.
    public func updateAccount(id: AccountID, applying changes: AccountChanges) async throws -> ServiceProviderAccount {
        try await engine.transaction { session in
            let rows = try await session.rows("""
                SELECT \(unsafeRaw: Self.columns) FROM pa_accounts WHERE id = \(bind: id.value)\(unsafeRaw: session.dialect.lockForUpdate)
                """)
            guard let row = rows.first else {
                throw PolicyAdministrationError(.unknownAccount, "no account \(id)")
            }
            let updated = changes.applied(to: try Self.decode(row))
            try await session.run("""
                UPDATE pa_accounts SET name = \(bind: updated.name), spc = \(bind: updated.spc.value),
                    tn_ranges = \(bind: try Self.encode(updated.tnRanges)), may_run_subordinate_ca = \(bind: updated.mayRunSubordinateCA.storedValue),
                    status = \(bind: updated.status.rawValue)
                WHERE id = \(bind: id.value)
                """)
            return updated
        }
    }

    /// See ``PolicyAdministration/AccountStore/setAccountStatus(id:to:)``.
    public func setAccountStatus(id: AccountID, to status: ServiceProviderAccount.Status) async throws -> ServiceProviderAccount {
        guard let row = try await engine.firstRow("""
            UPDATE pa_accounts SET status = \(bind: status.rawValue) WHERE id = \(bind: id.value) RETURNING \(unsafeRaw: Self.columns)
            """)
        else {
            throw PolicyAdministrationError(.unknownAccount, "no account \(id)")
        }
        return try Self.decode(row)
    }

    static func encode(_ entries: [TNEntry]?) throws -> Data? {
        guard let entries else { return nil }
        do {
            return try TNAuthorizationList(entries).derEncoded().storedValue
        } catch {
            throw PolicyAdministrationError(.invalidAccount, "TN ranges do not encode as a TNAuthList: \(error)")
        }
    }

    static func decode(_ row: any SQLRow) throws -> ServiceProviderAccount {
        let statusText = try row.string("status")
        guard let status = ServiceProviderAccount.Status(rawValue: statusText) else {
            throw StorageSQLError(.corruptRecord, "pa_accounts.status holds \(statusText)")
        }
        let spc: ServiceProviderCode
        var ranges: [TNEntry]?
        do {
            spc = try ServiceProviderCode(try row.string("spc"))
            ranges = try row.optionalBytes("tn_ranges").map { try TNAuthorizationList(derEncoded: $0).entries }
        } catch let error as StorageSQLError {
            throw error
        } catch {
            throw StorageSQLError(.corruptRecord, "pa_accounts row does not decode: \(error)")
        }
        return ServiceProviderAccount(
            id: AccountID(try row.string("id")), name: try row.string("name"), spc: spc, tnRanges: ranges,
            mayRunSubordinateCA: try row.flag("may_run_subordinate_ca"), status: status
        )
    }
}
