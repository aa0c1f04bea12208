import Foundation
import PolicyAdministration
import SQLKit

/// PolicyAdministration's ``CredentialStore`` on SQL (spec digest §4.4 login): table `pa_credentials`,
/// the scrypt parameters, salt and derived key in their own columns (RFC 7914), never a password.
public struct SQLCredentialStore: CredentialStore {
    let engine: SQLEngine

    /// See ``CredentialStore/createCredential(_:)``.
    public func createCredential(_ credential: UserCredential) async throws {
        let hash = credential.passwordHash
        let inserted = try await engine.rows("""
            INSERT INTO pa_credentials (user_id, account_id, cost_exponent, block_size, parallelism, salt, derived_key)
            VALUES (\(bind: credential.userID), \(bind: credential.accountID.value), \(bind: Int64(hash.costExponent)),
                \(bind: Int64(hash.blockSize)), \(bind: Int64(hash.parallelism)), \(bind: hash.salt.storedValue),
                \(bind: hash.derivedKey.storedValue))
            ON CONFLICT DO NOTHING RETURNING user_id
            """)
        guard !inserted.isEmpty else {
            throw PolicyAdministrationError(.duplicateUser, "user \(credential.userID) already exists")
        }
    }

    /// See ``CredentialStore/credential(userID:)``.
    public func credential(userID: String) async throws -> UserCredential? {
        try await engine.firstRow("""
            SELECT user_id, account_id, cost_exponent, block_size, parallelism, salt, derived_key
            FROM pa_credentials WHERE user_id = \(bind: userID)
            """).map { row in
            UserCredential(
                userID: try row.string("user_id"), accountID: AccountID(try row.string("account_id")),
                passwordHash: PasswordHash(
                    costExponent: Int(try row.int64("cost_exponent")), blockSize: Int(try row.int64("block_size")),
                    parallelism: Int(try row.int64("parallelism")), salt: try row.bytes("salt"), derivedKey: try row.bytes("derived_key")
                )
            )
        }
    }

    /// See ``CredentialStore/replacePasswordHash(userID:with:)``.
    public func replacePasswordHash(userID: String, with hash: PasswordHash) async throws {
        let updated = try await engine.rows("""
            UPDATE pa_credentials SET cost_exponent = \(bind: Int64(hash.costExponent)), block_size = \(bind: Int64(hash.blockSize)),
                parallelism = \(bind: Int64(hash.parallelism)), salt = \(bind: hash.salt.storedValue), derived_key = \(bind: hash.derivedKey.storedValue)
            WHERE user_id = \(bind: userID) RETURNING user_id
            """)
        guard !updated.isEmpty else {
            throw PolicyAdministrationError(.unknownUser, "no user \(userID)")
        }
    }

    /// See ``CredentialStore/removeCredential(userID:)``.
    public func removeCredential(userID: String) async throws -> Bool {
        try await engine.rows("DELETE FROM pa_credentials WHERE user_id = \(bind: userID) RETURNING user_id").count == 1
    }
}
