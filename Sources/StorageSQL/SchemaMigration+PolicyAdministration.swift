extension SchemaMigration {
    /// Version 2: the STI-PA's accounts, credentials, access tokens, SPC token log, CA trust list
    /// versions, revocations with the CRL number, and a provider's delegations (ATIS-1000080 §6.3,
    /// ATIS-1000092).
    static let policyAdministration = SchemaMigration(version: 2, name: "policy administration") { d in
        [
            """
            CREATE TABLE IF NOT EXISTS pa_accounts (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                spc TEXT NOT NULL UNIQUE,
                tn_ranges \(d.binary),
                may_run_subordinate_ca BIGINT NOT NULL,
                status TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS pa_credentials (
                user_id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL,
                cost_exponent BIGINT NOT NULL,
                block_size BIGINT NOT NULL,
                parallelism BIGINT NOT NULL,
                salt \(d.binary) NOT NULL,
                derived_key \(d.binary) NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS pa_access_tokens (
                token_hash \(d.binary) PRIMARY KEY,
                user_id TEXT NOT NULL,
                account_id TEXT NOT NULL,
                issued_at \(d.timestamp) NOT NULL,
                expires_at \(d.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS pa_access_tokens_account ON pa_access_tokens (account_id)",
            "CREATE INDEX IF NOT EXISTS pa_access_tokens_expiry ON pa_access_tokens (expires_at)",
            """
            CREATE TABLE IF NOT EXISTS pa_token_issuances (
                token_id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                tn_auth_list \(d.binary) NOT NULL,
                ca BIGINT NOT NULL,
                fingerprint TEXT NOT NULL,
                issued_at \(d.timestamp) NOT NULL,
                expires_at \(d.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS pa_token_issuances_account ON pa_token_issuances (account_id, issued_at, token_id)",
            """
            CREATE TABLE IF NOT EXISTS pa_trust_lists (
                sequence BIGINT PRIMARY KEY,
                updated_at \(d.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS pa_trust_list_roots (
                sequence BIGINT NOT NULL REFERENCES pa_trust_lists (sequence),
                position BIGINT NOT NULL,
                der \(d.binary) NOT NULL,
                PRIMARY KEY (sequence, position)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS pa_revocations (
                seq \(d.sequencePrimaryKey),
                serial_number \(d.binary) NOT NULL,
                issuer \(d.binary) NOT NULL,
                reason BIGINT NOT NULL,
                revoked_at \(d.timestamp) NOT NULL,
                UNIQUE (serial_number, issuer)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS pa_counters (
                name TEXT PRIMARY KEY,
                value BIGINT NOT NULL
            )
            """,
            "INSERT INTO pa_counters (name, value) VALUES ('crl_number', 0) ON CONFLICT DO NOTHING",
            """
            CREATE TABLE IF NOT EXISTS pa_delegations (
                customer_id TEXT PRIMARY KEY,
                tn_auth_list \(d.binary) NOT NULL,
                may_obtain_ca BIGINT NOT NULL
            )
            """,
        ]
    }
}
