import ACMECore
import Foundation
import Hummingbird

/// Builds the HTTP routes of one ACME server (RFC 8555 §7) over an ``ACMEService``: the STI-CA
/// (ATIS-1000080 §6.3.5) or an STI-SCA (ATIS-1000092), which differ only in the service's
/// `IssuancePolicy` and base URL.
///
/// Routes are mounted under the path of the service linker's base URL, and the origin of that URL
/// is the one the JWS `url` check (§6.4) expects: requests are checked against the URL the client was
/// told, never against a `Host` header.
///
/// | Route | Key form | Result |
/// | --- | --- | --- |
/// | `GET directory` | none | directory (§7.1.1) |
/// | `HEAD`/`GET new-nonce` | none | 200 / 204 with `Replay-Nonce` (§7.2) |
/// | `POST new-account` | `jwk` | 201 or 200, `Location` (§7.3) |
/// | `POST account/{id}` | `kid` | account; update, deactivate (§7.3.2, §7.3.6) |
/// | `POST account/{id}/orders` | `kid` | orders list (§7.1.2.1) |
/// | `POST key-change` | `kid` | account (§7.3.5) |
/// | `POST new-order` | `kid` | 201, `Location` (§7.4) |
/// | `POST order/{id}`, `POST order/{id}/finalize` | `kid` | order (§7.1.3, §7.4) |
/// | `POST authz/{id}`, `POST chall/{id}` | `kid` | authorization, challenge (§7.5) |
/// | `POST cert/{serial}` | `kid` | `application/pem-certificate-chain` (§7.4.2) |
/// | `POST revoke-cert` | `jwk` or `kid` | 200 (§7.6) |
public enum ACMERouter {
    /// Edge settings that are not the domain's business.
    public struct Configuration: Sendable {
        /// The `meta.termsOfService` URL of the directory, if any (§7.1.1).
        public var termsOfService: String?
        /// The `meta.website` URL of the directory, if any (§7.1.1).
        public var website: String?
        /// The largest accepted request body, in bytes; larger bodies get `malformed` with 413.
        public var maximumBodySize: Int

        /// Creates a configuration.
        public init(termsOfService: String? = nil, website: String? = nil, maximumBodySize: Int = 65_536) {
            self.termsOfService = termsOfService
            self.website = website
            self.maximumBodySize = maximumBodySize
        }
    }

    /// A router serving only this ACME server.
    ///
    /// - Parameters:
    ///   - service: the ACME service (STI-CA or STI-SCA).
    ///   - configuration: edge settings.
    public static func build(service: ACMEService, configuration: Configuration = Configuration()) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        addRoutes(to: router, service: service, configuration: configuration)
        return router
    }

    /// Adds this ACME server's routes to `router`, under the path of `service.linker.baseURL`, so that
    /// several ACME servers (an STI-CA and an STI-SCA) can share one HTTP server.
    public static func addRoutes<Context: RequestContext>(
        to router: some RouterMethods<Context>, service: ACMEService, configuration: Configuration = Configuration()
    ) {
        let base = BaseURL(service.linker.baseURL)
        let endpoints = ACMEEndpoints<Context>(service: service, configuration: configuration, origin: base.origin)
        let group = router.group(RouterPath(base.path))
        group.add(middleware: ACMEEdgeMiddleware<Context>(service: service))
        group.get("directory") { _, _ in endpoints.directory() }
        group.head("new-nonce") { _, _ in endpoints.newNonce(status: .ok) }
        group.get("new-nonce") { _, _ in endpoints.newNonce(status: .noContent) }
        group.post("new-account") { request, _ in try await endpoints.newAccount(request) }
        group.post("account/{id}") { request, context in try await endpoints.account(request, id: context.parameters.get("id")) }
        group.post("account/{id}/orders") { request, context in try await endpoints.orders(request, id: context.parameters.get("id")) }
        group.post("key-change") { request, _ in try await endpoints.keyChange(request) }
        group.post("new-order") { request, _ in try await endpoints.newOrder(request) }
        group.post("order/{id}") { request, context in try await endpoints.order(request, id: context.parameters.get("id")) }
        group.post("order/{id}/finalize") { request, context in try await endpoints.finalize(request, id: context.parameters.get("id")) }
        group.post("authz/{id}") { request, context in try await endpoints.authorization(request, id: context.parameters.get("id")) }
        group.post("chall/{id}") { request, context in try await endpoints.challenge(request, id: context.parameters.get("id")) }
        group.post("cert/{serial}") { request, context in try await endpoints.certificate(request, serial: context.parameters.get("serial")) }
        group.post("revoke-cert") { request, _ in try await endpoints.revoke(request) }
    }
}

/// The origin and path of a base URL such as `https://sti-ca.example:8443/acme`.
struct BaseURL: Sendable {
    /// `scheme://host[:port]`.
    let origin: String
    /// The path without a trailing slash, possibly empty.
    let path: String

    init(_ url: String) {
        let components = URLComponents(string: url)
        var path = components?.percentEncodedPath ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        self.path = path
        var trimmed = url
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        origin = trimmed.hasSuffix(path) ? String(trimmed.dropLast(path.count)) : trimmed
    }
}
