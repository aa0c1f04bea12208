/// The stores the STI-PA works on, one per aggregate (ATIS-1000080 §5.2.1 STI-PA functions).
public struct PolicyAdministrationStores: Sendable {
    /// Service-provider accounts.
    public var accounts: any AccountStore
    /// User credentials.
    public var credentials: any CredentialStore
    /// Access-token sessions.
    public var accessTokens: any AccessTokenStore
    /// Issued SPC tokens.
    public var issuances: any TokenIssuanceLog
    /// The CA trust list.
    public var trustList: any TrustListStore
    /// Revocations and the CRL number.
    public var revocations: any RevocationStore

    /// Groups the stores.
    public init(
        accounts: any AccountStore,
        credentials: any CredentialStore,
        accessTokens: any AccessTokenStore,
        issuances: any TokenIssuanceLog,
        trustList: any TrustListStore,
        revocations: any RevocationStore
    ) {
        self.accounts = accounts
        self.credentials = credentials
        self.accessTokens = accessTokens
        self.issuances = issuances
        self.trustList = trustList
        self.revocations = revocations
    }

    /// Fresh in-memory reference stores.
    public static func inMemory() -> PolicyAdministrationStores {
        PolicyAdministrationStores(
            accounts: InMemoryAccountStore(),
            credentials: InMemoryCredentialStore(),
            accessTokens: InMemoryAccessTokenStore(),
            issuances: InMemoryTokenIssuanceLog(),
            trustList: InMemoryTrustListStore(),
            revocations: InMemoryRevocationStore()
        )
    }
}
