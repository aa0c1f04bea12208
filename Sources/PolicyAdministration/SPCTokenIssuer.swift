import AuthorityToken
import Foundation
import TNAuthList

/// Issues SPC tokens to authenticated service providers (ATIS-1000080 §6.3.4; RFC 9447, RFC 9448;
/// spec digest §4.3, §4.4): only for TNAuthLists the account holds, `ca: true` only for accounts
/// authorised to run an STI-SCA.
public struct SPCTokenIssuer: Sendable {
    private let stores: PolicyAdministrationStores
    private let authentication: PortalAuthentication
    private let minting: TokenMinting
    private let inventory: (any TNInventory)?
    private let now: @Sendable () -> Date

    /// Creates the issuer.
    ///
    /// - Parameters:
    ///   - stores: The stores.
    ///   - authentication: The portal's session checks.
    ///   - signer: The PA token signer (its `x5u` names the PA token-signing certificate).
    ///   - issuer: The `iss` claim.
    ///   - tokenLifetime: Seconds to `exp` (default one hour).
    ///   - crlURL: The SHAKEN CRL URL returned with every token.
    ///   - inventory: Number inventory resolving which TNs an SPC-only account holds; without it such an
    ///     account obtains tokens for its SPC only.
    ///   - now: The clock.
    ///   - makeTokenID: The `jti` generator (unique values).
    public init(
        stores: PolicyAdministrationStores,
        authentication: PortalAuthentication,
        signer: AuthorityTokenSigner,
        issuer: String,
        tokenLifetime: TimeInterval = 3600,
        crlURL: String,
        inventory: (any TNInventory)? = nil,
        now: @escaping @Sendable () -> Date,
        makeTokenID: @escaping @Sendable () -> String
    ) {
        self.stores = stores
        self.authentication = authentication
        self.minting = TokenMinting(signer: signer, issuer: issuer, lifetime: tokenLifetime, crlURL: crlURL, makeTokenID: makeTokenID)
        self.inventory = inventory
        self.now = now
    }

    /// Handles `POST /api/v1/account/{id}/token` with a raw body.
    ///
    /// - Throws: as ``issueToken(accountID:accessToken:request:)`` plus ``PolicyAdministrationError/Code/malformedATC``.
    public func issueToken(accountID: AccountID, accessToken: AccessToken, requestBody: [UInt8]) async throws -> SPCTokenGrant {
        let user = try await authentication.authenticate(accessToken)
        return try await issue(accountID: accountID, user: user, request: SPCTokenRequest(jsonBody: requestBody))
    }

    /// Issues a token for `request` to the user behind `accessToken`, acting for `accountID`.
    ///
    /// - Throws: ``PolicyAdministrationError`` — `notAuthenticated`, `unknownAccount`, `notAuthorised` (the user is
    ///   not of that account), `accountDisabled`, `scopeNotHeld`, `caNotAllowed`, `signingFailed`, `duplicateTokenID`.
    public func issueToken(accountID: AccountID, accessToken: AccessToken, request: SPCTokenRequest) async throws -> SPCTokenGrant {
        let user = try await authentication.authenticate(accessToken)
        return try await issue(accountID: accountID, user: user, request: request)
    }

    private func issue(accountID: AccountID, user: PortalAuthentication.AuthenticatedUser, request: SPCTokenRequest) async throws -> SPCTokenGrant {
        guard let account = try await stores.accounts.account(id: accountID) else {
            throw PolicyAdministrationError(.unknownAccount, "no account \(accountID)")
        }
        guard user.accountID == account.id else {
            throw PolicyAdministrationError(.notAuthorised, "user \(user.userID) does not act for account \(account.id)")
        }
        guard account.status == .active else {
            throw PolicyAdministrationError(.accountDisabled, "account \(account.id) is disabled")
        }
        let requested = TNScope(request.atc.tnAuthList)
        let verdict: Encompassing
        if let inventory {
            verdict = try await account.heldScope.encompasses(requested, inventory: inventory)
        } else {
            verdict = account.heldScope.encompasses(requested)
        }
        guard verdict == .encompassed else {
            throw PolicyAdministrationError(.scopeNotHeld, "account \(account.id) does not hold \(request.atc.tnAuthList): \(verdict)")
        }
        guard !request.atc.isCA || account.mayRunSubordinateCA else {
            throw PolicyAdministrationError(.caNotAllowed, "account \(account.id) is not authorised to run an STI-SCA")
        }
        let time = now()
        let grant = try minting.mint(request.atc, at: time)
        try await stores.issuances.recordIssuance(
            TokenIssuance(
                tokenID: grant.tokenID,
                accountID: account.id,
                userID: user.userID,
                tnAuthList: request.atc.tnAuthList,
                ca: request.atc.isCA,
                fingerprint: request.atc.fingerprint.description,
                issuedAt: time,
                expiresAt: grant.expiresAt
            )
        )
        return grant
    }
}
