import HTTPServer
import Hummingbird
import PolicyAdministration

/// The STI-SCA's token API for its customers (ATIS-1000092; issue item 4: the provider is the token
/// authority for its customers' TNs), shaped like the STI-PA API (spec digest §4.4) so that the same
/// client drives both:
///
/// | Route | Auth | Result |
/// | --- | --- | --- |
/// | `POST /api/v1/auth/login` `{userId,password}` | none | `{status:"success",accessToken,accountId,expiresAt}` |
/// | `POST /api/v1/account/{id}/token` `{atc:{…}}` | access token of customer `{id}` | `{status:"success",token,crl}` |
///
/// Errors are `{status:"error",code,message}` with 400, 401 or 403 (``PortalExchange``).
public struct CustomerTokenRoutes: Sendable {
    /// The customers' logins and access tokens.
    let authentication: PortalAuthentication
    /// The provider's token authority for its customers' delegated TNs.
    public let authority: CustomerTokenAuthority

    /// Creates the routes over the provider's customer logins and token authority.
    public init(authentication: PortalAuthentication, authority: CustomerTokenAuthority) {
        self.authentication = authentication
        self.authority = authority
    }

    /// Adds `POST /api/v1/auth/login` and `POST /api/v1/account/{id}/token` to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.post("auth/login") { request, context in await PortalExchange.respond(logger: context.logger) { try await self.login(request) } }
        api.post("account/{id}/token") { request, context in
            await PortalExchange.respond(logger: context.logger) { try await self.token(request, customerID: context.parameters.get("id") ?? "") }
        }
    }

    private func login(_ request: Request) async throws -> Response {
        let body = try await PortalExchange.object(request, code: .invalidCredentials)
        guard let userID = body["userId"]?.stringValue, let password = body["password"]?.stringValue else {
            throw PolicyAdministrationError(.invalidCredentials, "login needs string members userId and password")
        }
        return try await authentication.login(userID: userID, password: password).loginResponse
    }

    private func token(_ request: Request, customerID: String) async throws -> Response {
        try await authenticate(request, customerID: customerID)
        let body = try await PortalExchange.bytes(request)
        let grant = try await authority.issueToken(for: CustomerID(customerID), request: try SPCTokenRequest(jsonBody: body))
        return ResponseBuilding.bytes(try grant.responseBody(), contentType: MediaType.json)
    }

    /// Checks that the request's access token belongs to a user acting for `customerID`.
    func authenticate(_ request: Request, customerID: String) async throws {
        let user = try await authentication.authenticate(try AccessTokenHeader.token(request))
        guard user.accountID.value == customerID else {
            throw PolicyAdministrationError(.notAuthorised, "user \(user.userID) does not act for customer \(customerID)")
        }
    }
}
