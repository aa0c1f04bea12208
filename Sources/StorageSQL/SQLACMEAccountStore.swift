import ACMECore
import Foundation
import JOSE
import SQLKit

/// ACMECore's ``ACMECore/AccountStore`` on SQL (RFC 8555 §7.3): table `acme_accounts`, the key's
/// RFC 7638 thumbprint UNIQUE, every write a single conditional statement.
public struct SQLACMEAccountStore: ACMECore.AccountStore {
    let engine: SQLEngine

    static let columns = "id, key_thumbprint, key_x, key_y, contact, status, created_at"

    /// See ``AccountReader/account(_:)``.
    public func account(_ id: ACMEAccount.ID) async throws -> ACMEAccount? {
        try await engine.readFirstRow("SELECT \(unsafeRaw: Self.columns) FROM acme_accounts WHERE id = \(bind: id.rawValue)").map(Self.decode)
    }

    /// See ``AccountReader/account(keyThumbprint:)``.
    public func account(keyThumbprint thumbprint: String) async throws -> ACMEAccount? {
        try await engine.firstRow("SELECT \(unsafeRaw: Self.columns) FROM acme_accounts WHERE key_thumbprint = \(bind: thumbprint)")
            .map(Self.decode)
    }

    /// See ``ACMECore/AccountStore/createAccount(_:)``.
    public func createAccount(_ account: ACMEAccount) async throws -> AccountCreation {
        let inserted = try await engine.rows("""
            INSERT INTO acme_accounts (\(unsafeRaw: Self.columns))
            VALUES (\(bind: account.id.rawValue), \(bind: account.keyThumbprint), \(bind: account.key.x.storedValue),
                    \(bind: account.key.y.storedValue), \(bind: try Self.encode(contact: account.contact)),
                    \(bind: account.status.rawValue), \(bind: account.createdAt.storedValue))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        if !inserted.isEmpty { return .created(account) }
        guard let existing = try await self.account(keyThumbprint: account.keyThumbprint) else {
            throw StorageSQLError(.conflict, "account id \(account.id) is already used by another key")
        }
        return .existing(existing)
    }

    /// See ``ACMECore/AccountStore/updateContact(_:contact:)``.
    public func updateContact(_ id: ACMEAccount.ID, contact: [String]) async throws -> ACMEAccount? {
        try await engine.firstRow("""
            UPDATE acme_accounts SET contact = \(bind: try Self.encode(contact: contact))
            WHERE id = \(bind: id.rawValue) AND status = \(bind: ACMEAccount.Status.valid.rawValue)
            RETURNING \(unsafeRaw: Self.columns)
            """).map(Self.decode)
    }

    /// See ``ACMECore/AccountStore/deactivateAccount(_:)``.
    public func deactivateAccount(_ id: ACMEAccount.ID) async throws -> ACMEAccount? {
        try await engine.firstRow("""
            UPDATE acme_accounts SET status = \(bind: ACMEAccount.Status.deactivated.rawValue)
            WHERE id = \(bind: id.rawValue) AND status = \(bind: ACMEAccount.Status.valid.rawValue)
            RETURNING \(unsafeRaw: Self.columns)
            """).map(Self.decode)
    }

    /// See ``ACMECore/AccountStore/changeKey(_:from:to:)``.
    public func changeKey(_ id: ACMEAccount.ID, from oldThumbprint: String, to newKey: JSONWebKey) async throws -> KeyChangeOutcome {
        let newThumbprint = newKey.thumbprintBase64URL()
        do {
            return try await engine.transaction { session in
                let current = try await session.rows("""
                    SELECT id FROM acme_accounts WHERE id = \(bind: id.rawValue) AND status = \(bind: ACMEAccount.Status.valid.rawValue)
                    AND key_thumbprint = \(bind: oldThumbprint)\(unsafeRaw: session.dialect.lockForUpdate)
                    """)
                guard !current.isEmpty else { return .stale }
                if let holder = try await session.rows("SELECT id FROM acme_accounts WHERE key_thumbprint = \(bind: newThumbprint)").first {
                    return .keyInUse(ACMEAccount.ID(try holder.string("id")))
                }
                let updated = try await session.rows("""
                    UPDATE acme_accounts SET key_thumbprint = \(bind: newThumbprint), key_x = \(bind: newKey.x.storedValue),
                        key_y = \(bind: newKey.y.storedValue)
                    WHERE id = \(bind: id.rawValue) RETURNING \(unsafeRaw: Self.columns)
                    """)
                guard let row = updated.first else { return .stale }
                return .changed(try Self.decode(row))
            }
        } catch let error as StorageSQLError where error.code == .conflict {
            // Another account took the key between the check and the update (PostgreSQL, concurrent writers).
            guard let holder = try await account(keyThumbprint: newThumbprint) else { throw error }
            return .keyInUse(holder.id)
        }
    }

    static func encode(contact: [String]) throws -> String {
        do {
            return String(decoding: try JSONEncoder().encode(contact), as: UTF8.self)
        } catch {
            throw StorageSQLError(.queryFailed, "contact list does not encode: \(error)")
        }
    }

    static func decode(_ row: any SQLRow) throws -> ACMEAccount {
        let statusText = try row.string("status")
        guard let status = ACMEAccount.Status(rawValue: statusText) else {
            throw StorageSQLError(.corruptRecord, "acme_accounts.status holds \(statusText)")
        }
        let key: JSONWebKey
        let contact: [String]
        do {
            key = try JSONWebKey(x: try row.bytes("key_x"), y: try row.bytes("key_y"))
            contact = try JSONDecoder().decode([String].self, from: Data(try row.string("contact").utf8))
        } catch {
            throw StorageSQLError(.corruptRecord, "acme_accounts row does not decode: \(error)")
        }
        return ACMEAccount(id: .init(try row.string("id")), key: key, contact: contact, status: status, createdAt: try row.date("created_at"))
    }
}
