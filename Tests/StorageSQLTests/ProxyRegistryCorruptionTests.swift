import ACMECore
import Crypto
import JOSE
import SQLiteKit
import StorageSQL
import TNAuthList
import Testing

@Suite("SP-CA-proxy registry rows that no longer decode")
struct ProxyRegistryCorruptionTests {
    static let accountURL = "https://ca.example/acme/account/a1"

    /// Records an account and an order, closes the storage, overwrites one column with `statement`,
    /// and returns the reopened storage.
    static func corrupted(_ statement: String) async throws -> SQLStorage {
        let path = TestDatabases.temporarySQLitePath()
        let storage = try await SQLStorage.open(.sqlite(path: path))
        let key = JSONWebKey(publicKey: P256.Signing.PrivateKey().publicKey)
        let list = try TNAuthorizationList([.tn(try TelephoneNumber("12025550163"))])
        try await storage.spcaProxyRegistry.recordAccount(SPCAProxyAccount(url: accountURL, customer: "pbx", key: key))
        try await storage.spcaProxyRegistry.recordOrder(SPCAProxyOrder(id: "o-1", accountURL: accountURL, identifier: try TNAuthListIdentifier(list)))
        await storage.close()
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            _ = try await connection.query(statement)
        } catch {
            try await connection.close()
            throw error
        }
        try await connection.close()
        return try await SQLStorage.open(.sqlite(path: path))
    }

    @Test("An account key that is not a P-256 public JWK is reported as corruptRecord", arguments: [
        "UPDATE proxy_accounts SET key_jwk = 'not json'",
        #"UPDATE proxy_accounts SET key_jwk = '{"crv":"P-256","kty":"EC"}'"#,
        #"UPDATE proxy_accounts SET key_jwk = '{"crv":"P-384","kty":"EC","x":"AA","y":"AA"}'"#,
    ])
    func corruptKey(statement: String) async throws {
        let storage = try await Self.corrupted(statement)
        await #expect(throws: StorageSQLError(.corruptRecord, "")) {
            _ = try await storage.spcaProxyRegistry.account(at: Self.accountURL)
        }
        #expect(try await storage.spcaProxyRegistry.order(id: "o-1")?.accountURL == Self.accountURL, "the other table still reads")
        await storage.close()
    }

    @Test("An order identifier that is not a DER TNAuthList is reported as corruptRecord")
    func corruptIdentifier() async throws {
        let storage = try await Self.corrupted("UPDATE proxy_orders SET identifier = X'3003020101'")
        await #expect(throws: StorageSQLError(.corruptRecord, "")) {
            _ = try await storage.spcaProxyRegistry.order(id: "o-1")
        }
        #expect(try await storage.spcaProxyRegistry.account(at: Self.accountURL)?.customer == "pbx", "the other table still reads")
        await storage.close()
    }
}
