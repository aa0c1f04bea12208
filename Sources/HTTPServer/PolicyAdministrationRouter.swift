import Foundation
import Hummingbird
import PolicyAdministration

/// Builds the STI-PA's HTTP routes (spec digest §4.4, the deployed API; ATIS-1000080 §6.3.2–§6.3.4)
/// and the operator's admin routes over the PolicyAdministration services.
///
/// | Route | Auth | Result |
/// | --- | --- | --- |
/// | `POST /api/v1/auth/login` `{userId,password}` | none | `{status:"success",accessToken,expiresAt}` |
/// | `POST /api/v1/auth/logout` | access token | `{status:"success"}` |
/// | `POST /api/v1/account/{id}/token` `{atc:{…}}` | access token | `{status:"success",token,crl}` |
/// | `GET /api/v1/ca-list` | none | `{caList:"<JWS>"}` |
/// | `GET /download/v1/crl` | none | DER CRL, or PEM with `Accept: application/x-pem-file` |
/// | `POST /admin/v1/accounts` | admin | 201, account created |
/// | `POST /admin/v1/accounts/{id}/users` | admin | 201, user created |
/// | `POST /admin/v1/accounts/{id}/disable` | admin | account disabled |
/// | `POST /admin/v1/ca-list` `{certificate}` | admin | STI-CA root added to the trust list |
/// | `POST /admin/v1/revocations` `{certificate,reason}` | admin | certificate put on the SHAKEN CRL |
///
/// The access token is sent raw in `Authorization` (as deployed) or as `Bearer <token>`; the admin
/// credential likewise. Errors are `{status:"error",code,message}` (``PolicyAdministrationErrorResponse``).
public enum PolicyAdministrationRouter {
    /// The domain services the routes call.
    public struct Services: Sendable {
        /// Login, logout, access tokens.
        public var authentication: PortalAuthentication
        /// SPC token issuance.
        public var tokens: SPCTokenIssuer
        /// The signed CA trust list.
        public var trustList: TrustListPublisher
        /// The SHAKEN CRL and operator revocations.
        public var crl: SHAKENCRLPublisher
        /// Operator account operations.
        public var administration: AccountAdministration

        /// Groups the services.
        public init(
            authentication: PortalAuthentication, tokens: SPCTokenIssuer, trustList: TrustListPublisher,
            crl: SHAKENCRLPublisher, administration: AccountAdministration
        ) {
            self.authentication = authentication
            self.tokens = tokens
            self.trustList = trustList
            self.crl = crl
            self.administration = administration
        }
    }

    /// Edge settings.
    public struct Configuration: Sendable {
        /// The operator's secret for the admin routes; admin routes are not mounted when `nil`.
        public var adminCredential: String?
        /// The largest accepted request body, in bytes.
        public var maximumBodySize: Int
        /// The clock used for CRL generation and revocation times.
        public var now: @Sendable () -> Date

        /// Creates a configuration.
        public init(adminCredential: String?, maximumBodySize: Int = 16_384, now: @escaping @Sendable () -> Date) {
            self.adminCredential = adminCredential
            self.maximumBodySize = maximumBodySize
            self.now = now
        }
    }

    /// A router serving only the STI-PA.
    public static func build(services: Services, configuration: Configuration) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        addRoutes(to: router, services: services, configuration: configuration)
        return router
    }

    /// Adds the STI-PA routes to `router`.
    public static func addRoutes<Context: RequestContext>(
        to router: some RouterMethods<Context>, services: Services, configuration: Configuration
    ) {
        let endpoints = PolicyAdministrationEndpoints(services: services, configuration: configuration)
        let api = router.group("api/v1")
        api.add(middleware: PolicyAdministrationErrorMiddleware<Context>())
        api.post("auth/login") { request, _ in try await endpoints.login(request) }
        api.post("auth/logout") { request, _ in try await endpoints.logout(request) }
        api.post("account/{id}/token") { request, context in try await endpoints.token(request, accountID: context.parameters.get("id")) }
        api.get("ca-list") { _, _ in try await endpoints.caList() }
        let download = router.group("download/v1")
        download.add(middleware: PolicyAdministrationErrorMiddleware<Context>())
        download.get("crl") { request, _ in try await endpoints.crl(request) }

        guard let credential = configuration.adminCredential else { return }
        let admin = PolicyAdministrationAdminEndpoints(services: services, configuration: configuration, credential: AdminCredential(credential))
        let group = router.group("admin/v1")
        group.add(middleware: PolicyAdministrationErrorMiddleware<Context>())
        group.post("accounts") { request, _ in try await admin.createAccount(request) }
        group.post("accounts/{id}/users") { request, context in try await admin.createUser(request, accountID: context.parameters.get("id")) }
        group.post("accounts/{id}/disable") { request, context in try await admin.disableAccount(request, accountID: context.parameters.get("id")) }
        group.post("ca-list") { request, _ in try await admin.addRoot(request) }
        group.post("revocations") { request, _ in try await admin.revoke(request) }
    }
}
