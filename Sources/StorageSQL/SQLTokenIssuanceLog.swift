import Foundation
import PolicyAdministration
import SQLKit
import TNAuthList

/// PolicyAdministration's ``TokenIssuanceLog`` on SQL (RFC 9447 §4): table `pa_token_issuances` with
/// the `jti` as PRIMARY KEY, so a repeated `jti` is refused by the database.
public struct SQLTokenIssuanceLog: TokenIssuanceLog {
    let engine: SQLEngine

    static let columns = "token_id, account_id, user_id, tn_auth_list, ca, fingerprint, issued_at, expires_at"

    /// See ``TokenIssuanceLog/recordIssuance(_:)``.
    public func recordIssuance(_ issuance: TokenIssuance) async throws {
        let der: [UInt8]
        do {
            der = try issuance.tnAuthList.derEncoded()
        } catch {
            throw StorageSQLError(.queryFailed, "TNAuthList of jti \(issuance.tokenID) does not encode: \(error)")
        }
        let inserted = try await engine.rows("""
            INSERT INTO pa_token_issuances (\(unsafeRaw: Self.columns))
            VALUES (\(bind: issuance.tokenID), \(bind: issuance.accountID.value), \(bind: issuance.userID), \(bind: der.storedValue),
                \(bind: issuance.ca.storedValue), \(bind: issuance.fingerprint), \(bind: issuance.issuedAt.storedValue),
                \(bind: issuance.expiresAt.storedValue))
            ON CONFLICT DO NOTHING RETURNING token_id
            """)
        guard !inserted.isEmpty else {
            throw PolicyAdministrationError(.duplicateTokenID, "jti \(issuance.tokenID) was already issued")
        }
    }

    /// See ``TokenIssuanceLog/issuance(tokenID:)``.
    public func issuance(tokenID: String) async throws -> TokenIssuance? {
        try await engine.firstRow("SELECT \(unsafeRaw: Self.columns) FROM pa_token_issuances WHERE token_id = \(bind: tokenID)")
            .map(Self.decode)
    }

    /// See ``TokenIssuanceLog/issuances(accountID:)``.
    public func issuances(accountID: AccountID) async throws -> [TokenIssuance] {
        try await engine.rows("""
            SELECT \(unsafeRaw: Self.columns) FROM pa_token_issuances WHERE account_id = \(bind: accountID.value)
            """).map(Self.decode).sorted { ($0.issuedAt, $0.tokenID) < ($1.issuedAt, $1.tokenID) }
    }

    static func decode(_ row: any SQLRow) throws -> TokenIssuance {
        let list: TNAuthorizationList
        do {
            list = try TNAuthorizationList(derEncoded: try row.bytes("tn_auth_list"))
        } catch {
            throw StorageSQLError(.corruptRecord, "pa_token_issuances.tn_auth_list does not decode: \(error)")
        }
        return TokenIssuance(
            tokenID: try row.string("token_id"), accountID: AccountID(try row.string("account_id")), userID: try row.string("user_id"),
            tnAuthList: list, ca: try row.flag("ca"), fingerprint: try row.string("fingerprint"),
            issuedAt: try row.date("issued_at"), expiresAt: try row.date("expires_at")
        )
    }
}
