extension SchemaMigration {
    /// Version 3: what a provider's SP-CA-proxy remembers between the requests it relays (seed 002
    /// §6.3, figures 9–10): which customer obtained a token for which account key, which STI-CA
    /// account belongs to which customer and key, and which order carries which identifier.
    static let spcaProxy = SchemaMigration(version: 3, name: "sp-ca proxy") { d in
        [
            """
            CREATE TABLE IF NOT EXISTS proxy_token_holders (
                key_thumbprint \(d.binary) PRIMARY KEY,
                customer_id TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS proxy_accounts (
                url TEXT PRIMARY KEY,
                customer_id TEXT NOT NULL,
                key_jwk TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS proxy_orders (
                id TEXT PRIMARY KEY,
                account_url TEXT NOT NULL,
                identifier \(d.binary) NOT NULL
            )
            """,
        ]
    }
}
