import ACMECore
import AuthorityToken
import JOSE
import SQLKit

/// ACMECore's ``SPCAProxyRegistry`` on SQL (seed 002 §6.3, figures 9–10): tables
/// `proxy_token_holders` (keyed by the account key's RFC 7638 thumbprint), `proxy_accounts` (keyed by
/// the STI-CA account URL, the key as its RFC 7638 canonical JWK JSON) and `proxy_orders` (keyed by the
/// STI-CA order ID, the identifier as its TNAuthList DER). Every `record…` is one upsert, so a second
/// record under the same key replaces the first.
public struct SQLSPCAProxyRegistry: SPCAProxyRegistry {
    let engine: SQLEngine

    /// See ``SPCAProxyRegistry/recordTokenHolder(_:customer:)``.
    public func recordTokenHolder(_ fingerprint: AccountKeyFingerprint, customer: String) async throws {
        try await engine.run("""
            INSERT INTO proxy_token_holders (key_thumbprint, customer_id)
            VALUES (\(bind: fingerprint.thumbprint.storedValue), \(bind: customer))
            ON CONFLICT (key_thumbprint) DO UPDATE SET customer_id = excluded.customer_id
            """)
    }

    /// See ``SPCAProxyRegistry/customer(forAccountKey:)``.
    public func customer(forAccountKey fingerprint: AccountKeyFingerprint) async throws -> String? {
        try await engine.readFirstRow("""
            SELECT customer_id FROM proxy_token_holders WHERE key_thumbprint = \(bind: fingerprint.thumbprint.storedValue)
            """).map { try $0.string("customer_id") }
    }

    /// See ``SPCAProxyRegistry/recordAccount(_:)``.
    public func recordAccount(_ account: SPCAProxyAccount) async throws {
        let jwk = String(decoding: CanonicalJSON.encode(account.key.jsonValue), as: UTF8.self)
        try await engine.run("""
            INSERT INTO proxy_accounts (url, customer_id, key_jwk)
            VALUES (\(bind: account.url), \(bind: account.customer), \(bind: jwk))
            ON CONFLICT (url) DO UPDATE SET customer_id = excluded.customer_id, key_jwk = excluded.key_jwk
            """)
    }

    /// See ``SPCAProxyRegistry/account(at:)``.
    public func account(at url: String) async throws -> SPCAProxyAccount? {
        try await engine.readFirstRow("SELECT url, customer_id, key_jwk FROM proxy_accounts WHERE url = \(bind: url)").map { row in
            let text = try row.string("key_jwk")
            let key: JSONWebKey
            do {
                key = try JSONWebKey(jsonValue: try StrictJSONParser().parse(string: text))
            } catch {
                throw StorageSQLError(.corruptRecord, "proxy_accounts.key_jwk does not decode: \(error)")
            }
            return SPCAProxyAccount(url: try row.string("url"), customer: try row.string("customer_id"), key: key)
        }
    }

    /// See ``SPCAProxyRegistry/recordOrder(_:)``.
    public func recordOrder(_ order: SPCAProxyOrder) async throws {
        try await engine.run("""
            INSERT INTO proxy_orders (id, account_url, identifier)
            VALUES (\(bind: order.id), \(bind: order.accountURL), \(bind: order.identifier.der.storedValue))
            ON CONFLICT (id) DO UPDATE SET account_url = excluded.account_url, identifier = excluded.identifier
            """)
    }

    /// See ``SPCAProxyRegistry/order(id:)``.
    public func order(id: String) async throws -> SPCAProxyOrder? {
        try await engine.readFirstRow("SELECT id, account_url, identifier FROM proxy_orders WHERE id = \(bind: id)").map { row in
            SPCAProxyOrder(
                id: try row.string("id"), accountURL: try row.string("account_url"),
                identifier: try SQLOrderStore.identifier(try row.bytes("identifier"))
            )
        }
    }
}
