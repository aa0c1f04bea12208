extension SchemaMigration {
    /// Version 1: the ACME server's accounts, orders, authorizations, challenges, nonces, token uses,
    /// serial reservations and certificates (RFC 8555 §7.1, RFC 9447 §4 `jti`).
    static let acmeCore = SchemaMigration(version: 1, name: "acme core") { d in
        [
            """
            CREATE TABLE IF NOT EXISTS acme_accounts (
                id TEXT PRIMARY KEY,
                key_thumbprint TEXT NOT NULL UNIQUE,
                key_x \(d.binary) NOT NULL,
                key_y \(d.binary) NOT NULL,
                contact TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at \(d.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS acme_orders (
                seq \(d.sequencePrimaryKey),
                id TEXT NOT NULL UNIQUE,
                account_id TEXT NOT NULL,
                identifier \(d.binary) NOT NULL,
                status TEXT NOT NULL,
                expires \(d.timestamp) NOT NULL,
                not_before \(d.timestamp),
                not_after \(d.timestamp),
                certificate_serial TEXT,
                error TEXT,
                processing_started_at \(d.timestamp)
            )
            """,
            "CREATE INDEX IF NOT EXISTS acme_orders_account ON acme_orders (account_id, seq)",
            "CREATE INDEX IF NOT EXISTS acme_orders_status ON acme_orders (status, processing_started_at)",
            """
            CREATE TABLE IF NOT EXISTS acme_order_authorizations (
                order_id TEXT NOT NULL REFERENCES acme_orders (id),
                position BIGINT NOT NULL,
                authorization_id TEXT NOT NULL,
                PRIMARY KEY (order_id, position)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS acme_authorizations (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL,
                order_id TEXT NOT NULL,
                identifier \(d.binary) NOT NULL,
                status TEXT NOT NULL,
                expires \(d.timestamp) NOT NULL,
                grants_ca BIGINT
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS acme_challenges (
                id TEXT PRIMARY KEY,
                authorization_id TEXT NOT NULL REFERENCES acme_authorizations (id),
                position BIGINT NOT NULL,
                token TEXT NOT NULL,
                token_authority TEXT,
                status TEXT NOT NULL,
                validated \(d.timestamp),
                error TEXT
            )
            """,
            "CREATE INDEX IF NOT EXISTS acme_challenges_authorization ON acme_challenges (authorization_id, position)",
            """
            CREATE TABLE IF NOT EXISTS acme_nonces (
                nonce TEXT PRIMARY KEY,
                expires_at \(d.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS acme_nonces_expiry ON acme_nonces (expires_at)",
            """
            CREATE TABLE IF NOT EXISTS acme_token_uses (
                issuer TEXT NOT NULL,
                token_id TEXT NOT NULL,
                expires_at \(d.timestamp) NOT NULL,
                PRIMARY KEY (issuer, token_id)
            )
            """,
            "CREATE INDEX IF NOT EXISTS acme_token_uses_expiry ON acme_token_uses (expires_at)",
            """
            CREATE TABLE IF NOT EXISTS acme_serial_reservations (
                serial TEXT PRIMARY KEY,
                order_id TEXT NOT NULL,
                account_id TEXT NOT NULL,
                reserved_at \(d.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS acme_certificates (
                serial TEXT PRIMARY KEY REFERENCES acme_serial_reservations (serial),
                account_id TEXT NOT NULL,
                order_id TEXT NOT NULL,
                der \(d.binary) NOT NULL,
                chain_pem TEXT NOT NULL,
                issued_at \(d.timestamp) NOT NULL,
                not_after \(d.timestamp) NOT NULL,
                revocation_reason BIGINT,
                revoked_at \(d.timestamp)
            )
            """,
            "CREATE INDEX IF NOT EXISTS acme_certificates_order ON acme_certificates (order_id)",
            "CREATE INDEX IF NOT EXISTS acme_certificates_account ON acme_certificates (account_id, issued_at)",
        ]
    }
}
