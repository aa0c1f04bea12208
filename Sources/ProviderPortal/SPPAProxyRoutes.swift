import ACMECore
import AuthorityToken
import HTTPServer
import Hummingbird
import JOSE
import PolicyAdministration
import TNAuthList

/// The provider's SP-PA-proxy over HTTPS (seed 002 §6.3, figure 9), next to its STI-SCA:
///
/// | Route | Auth | Result |
/// | --- | --- | --- |
/// | `POST /proxy/v1/customer/{id}/token` `{fingerprint[,tkvalue]}` | access token of customer `{id}` | `{status:"success",token,crl}` |
///
/// The PBX logs in with `POST /api/v1/auth/login` (the customer login of ``CustomerTokenRoutes``) and
/// asks with its ACME account key fingerprint (RFC 9448 §5). The proxy adds exactly the TNs delegated
/// to the PBX (or checks that `tkvalue` names a subset), asks the STI-PA with the provider's
/// credentials (the provider, not the PBX, is the requesting entity), records the fingerprint for the
/// SP-CA-proxy, and returns the STI-PA-signed token unchanged. Refusals: `unknownCustomer`,
/// `delegationOutsideScope` (403), `stiPARefused` (403, the STI-PA's reason), `stiPAUnavailable` (502).
public struct SPPAProxyRoutes: Sendable {
    let customers: CustomerTokenRoutes
    let proxy: SPPAProxy
    let registry: any SPCAProxyRegistry
    let uplink: ProviderUplink

    /// Creates the proxy.
    ///
    /// - Parameters:
    ///   - customers: The customer login and access tokens the PBX uses.
    ///   - proxy: Builds the STI-PA request from the PBX's delegation (figure 9 step 2).
    ///   - registry: Where the token holder's fingerprint is recorded for the SP-CA-proxy.
    ///   - uplink: The provider's own STI-PA session.
    public init(customers: CustomerTokenRoutes, proxy: SPPAProxy, registry: any SPCAProxyRegistry, uplink: ProviderUplink) {
        self.customers = customers
        self.proxy = proxy
        self.registry = registry
        self.uplink = uplink
    }

    /// Adds `POST /proxy/v1/customer/{id}/token` to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        router.post("proxy/v1/customer/{id}/token") { request, context in
            await PortalExchange.respond(logger: context.logger) { try await self.token(request, customerID: context.parameters.get("id") ?? "") }
        }
    }

    private func token(_ request: Request, customerID: String) async throws -> Response {
        try await customers.authenticate(request, customerID: customerID)
        let body = try await PortalExchange.object(request, code: .malformedATC)
        guard let text = body["fingerprint"]?.stringValue else {
            throw PolicyAdministrationError(.malformedATC, "the request needs a fingerprint string (RFC 9448 §5)")
        }
        let fingerprint: AccountKeyFingerprint
        let requested: TNAuthorizationList?
        do {
            fingerprint = try AccountKeyFingerprint(parsing: text)
            requested = try body["tkvalue"].map { value in
                guard let text = value.stringValue else { throw PolicyAdministrationError(.malformedATC, "tkvalue is not a string") }
                return try TNAuthorizationList(base64Encoded: text)
            }
        } catch let error as PolicyAdministrationError {
            throw error
        } catch {
            throw PolicyAdministrationError(.malformedATC, "fingerprint or tkvalue: \(error)")
        }
        let forward = try await proxy.tokenRequest(forCustomer: CustomerID(customerID), fingerprint: fingerprint, requested: requested)
        let grant = try await uplink.token(forward.atc)
        try await registry.recordTokenHolder(fingerprint, customer: customerID)
        var members: [(String, JSONValue)] = [("status", .string("success")), ("token", .string(grant.token))]
        if let crl = grant.crlURL { members.append(("crl", .string(crl))) }
        return ResponseBuilding.json(ResponseBuilding.object(members))
    }
}
