import AuthorityToken
import HTTPClient

/// The provider's own access to the STI-PA, used by its SP-PA-proxy (seed 002 figure 9: "the proxy
/// also has access to the SP-KMS data required to access the STI-PA portal"): each request logs in
/// with the provider's credentials over HTTPS, asks for the token, and logs out.
public struct ProviderUplink: Sendable {
    /// The STI-PA base URL.
    let policyAdministrator: String
    /// The provider's STI-PA account ID (the requesting entity, figure 9 step 2).
    let accountID: String
    /// The provider's STI-PA user.
    let userID: String
    let password: String
    let transport: HTTPSClient

    /// Creates the session settings.
    ///
    /// - Parameters:
    ///   - policyAdministrator: The STI-PA base URL.
    ///   - accountID: The provider's STI-PA account ID.
    ///   - userID: The provider's STI-PA user.
    ///   - password: That user's password.
    ///   - transport: The HTTPS client trusting the STI-PA's TLS certificate.
    public init(policyAdministrator: String, accountID: String, userID: String, password: String, transport: HTTPSClient) {
        self.policyAdministrator = policyAdministrator
        self.accountID = accountID
        self.userID = userID
        self.password = password
        self.transport = transport
    }

    /// Figure 9 steps 2–3: the STI-PA's token for `atc`, or its refusal.
    ///
    /// - Throws: `HTTPClientError` (`paRequestFailed` when the STI-PA refuses).
    public func token(_ atc: AuthorityTokenClaims.ATC) async throws(HTTPClientError) -> STIPAClient.TokenResponse {
        let client = STIPAClient(baseURL: policyAdministrator, transport: transport)
        try await client.login(userID: userID, password: password)
        do {
            let response = try await client.requestSPCToken(accountID: accountID, atc: atc)
            try? await client.logout()
            return response
        } catch {
            try? await client.logout()
            throw error
        }
    }
}
