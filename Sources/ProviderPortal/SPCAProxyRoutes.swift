import ACMECore
import Foundation
import HTTPClient
import HTTPServer
import HTTPTypes
import Hummingbird
import JOSE
import PolicyAdministration

/// The provider's SP-CA-proxy over HTTPS (seed 002 §6.2–§6.3, figure 10): an ACME front for its PBX
/// customers that relays newAccount, newOrder and finalize to the STI-CA and drops out for the rest.
///
/// | Route | Checked by ``SPCAProxyPolicy`` before relaying | Rewritten in the answer |
/// | --- | --- | --- |
/// | `GET <base>/directory` | — | `newAccount`, `newOrder` name the proxy; the rest the STI-CA |
/// | `POST <base>/new-account` | `jwk` of a PBX that got a token via the SP-PA-proxy (`unauthorized`) | `Link` index |
/// | `POST <base>/new-order` | identifier within the PBX's delegation (`rejectedIdentifier`) | `finalize`, `Link` index |
/// | `POST <base>/order/{id}` | the order was created through the proxy by this account | `finalize`, `Location`, `Link` index |
/// | `POST <base>/order/{id}/finalize` | CSR TNAuthList = order identifier, within the delegation (`badCSR`) | `finalize`, `Location`, `Link` index |
///
/// The PBX signs each JWS with the proxy URL in `url`; the proxy checks the signature and `url`,
/// then forwards the bytes unchanged to the same resource under the STI-CA's base, which accepts the
/// proxy URL as a trusted alias (``ACMEProxyAliases``). The proxy stays in for the order (its
/// `Location` names the proxy) so that a client finalizing with the `finalize` of the order it polls
/// still passes the CSR check; nonces, accounts (`kid`), authorizations, challenges and certificates
/// are the STI-CA's URLs (figure 10 step 12). Status,
/// body, `Replay-Nonce`, `Location`, `Link` and `Retry-After` are relayed; every refusal is an RFC 8555
/// problem document carrying a fresh STI-CA nonce.
public struct SPCAProxyRoutes: Sendable {
    /// The proxy's ACME base URL, e.g. `https://sp1.example/proxy/acme` (the alias the STI-CA trusts).
    let baseURL: String
    /// The STI-CA's ACME base URL.
    let upstreamBaseURL: String
    let transport: HTTPSClient
    let policy: SPCAProxyPolicy
    let registry: any SPCAProxyRegistry
    let delegations: any DelegationRegistry

    /// The path of ``baseURL`` under which the routes are mounted.
    let path: String

    /// Creates the proxy.
    ///
    /// - Parameters:
    ///   - baseURL: The proxy's ACME base URL, without a trailing slash.
    ///   - upstreamBaseURL: The STI-CA's ACME base URL.
    ///   - transport: The HTTPS client trusting the STI-CA's TLS certificate.
    ///   - registry: The PBX fingerprints recorded by the SP-PA-proxy, and the accounts and orders made here.
    ///   - delegations: The provider's delegations to its customers.
    ///   - policy: The checks made before relaying.
    public init(
        baseURL: String, upstreamBaseURL: String, transport: HTTPSClient, registry: any SPCAProxyRegistry, delegations: any DelegationRegistry,
        policy: SPCAProxyPolicy = SPCAProxyPolicy()
    ) {
        self.baseURL = baseURL
        self.upstreamBaseURL = upstreamBaseURL
        self.transport = transport
        self.policy = policy
        self.registry = registry
        self.delegations = delegations
        var path = URLComponents(string: baseURL)?.percentEncodedPath ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    /// Adds the proxy's ACME routes under the path of ``baseURL`` to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        let group = router.group(RouterPath(path))
        group.get("directory") { _, _ in await self.relaying { try await self.directory() } }
        group.post("new-account") { request, _ in await self.relaying { try await self.newAccount(request) } }
        group.post("new-order") { request, _ in await self.relaying { try await self.newOrder(request) } }
        group.post("order/{id}") { request, context in
            await self.relaying { try await self.order(request, id: context.parameters.get("id") ?? "") }
        }
        group.post("order/{id}/finalize") { request, context in
            await self.relaying { try await self.finalize(request, id: context.parameters.get("id") ?? "") }
        }
    }

    // MARK: Resources

    private func directory() async throws -> Response {
        let response = try await upstream(HTTPSRequest(url: upstreamBaseURL + "/directory", headers: [HTTPHeaderField("Accept", "application/json")]))
        guard response.status == 200 else { throw ACMEError.serverInternal("the STI-CA directory answered \(response.status)") }
        let rewritten = try rewrite(response.body) { name, value in
            switch name {
            case "newAccount": .string(baseURL + "/new-account")
            case "newOrder": .string(baseURL + "/new-order")
            default: value
            }
        }
        return relayed(HTTPSResponse(status: response.status, headers: response.headers, body: rewritten))
    }

    /// Figure 10 steps 5–8.
    private func newAccount(_ request: Request) async throws -> Response {
        let body = try await RequestBodyReader.acmeBody(request, limit: policy.maximumBodySize)
        let verified = try policy.verify(body: body, receivedAt: baseURL + "/new-account", accountKey: nil)
        let (key, customer) = try await policy.admitAccount(verified, registry: registry)
        _ = try await delegation(of: customer)
        let response = try await forward(body, to: "/new-account")
        if (200...201).contains(response.status), let location = response.header("Location") {
            try await registry.recordAccount(SPCAProxyAccount(url: location, customer: customer, key: key))
        }
        return relayed(response)
    }

    /// Figure 10 steps 9–12 (the order): the identifier must lie within the PBX's delegation.
    private func newOrder(_ request: Request) async throws -> Response {
        let body = try await RequestBodyReader.acmeBody(request, limit: policy.maximumBodySize)
        let account = try await proxiedAccount(body)
        let verified = try policy.verify(body: body, receivedAt: baseURL + "/new-order", accountKey: account.key)
        let identifier = try policy.admitOrder(verified, delegated: try await delegation(of: account.customer).tnAuthList)
        let response = try await forward(body, to: "/new-order")
        let orderPrefix = upstreamBaseURL + "/order/"
        if response.status == 201, let location = response.header("Location"), location.hasPrefix(orderPrefix) {
            let id = String(location.dropFirst(orderPrefix.count))
            try await registry.recordOrder(SPCAProxyOrder(id: id, accountURL: account.url, identifier: identifier))
        }
        return relayed(try rewriteOrder(response))
    }

    /// The order as its owner polls it, `finalize` still naming the proxy.
    private func order(_ request: Request, id: String) async throws -> Response {
        let body = try await RequestBodyReader.acmeBody(request, limit: policy.maximumBodySize)
        _ = try await proxiedOrder(id, body: body, receivedAt: baseURL + "/order/\(id)")
        return relayed(try rewriteOrder(try await forward(body, to: "/order/\(id)")))
    }

    /// Figure 10 step 10: the CSR is checked before the finalize request is relayed.
    private func finalize(_ request: Request, id: String) async throws -> Response {
        let body = try await RequestBodyReader.acmeBody(request, limit: policy.maximumBodySize)
        let (order, account, verified) = try await proxiedOrder(id, body: body, receivedAt: baseURL + "/order/\(id)/finalize")
        try policy.admitFinalize(verified, identifier: order.identifier, delegated: try await delegation(of: account.customer).tnAuthList)
        return relayed(try rewriteOrder(try await forward(body, to: "/order/\(id)/finalize")))
    }

    // MARK: Helpers

    /// The order `id` created through this proxy, the account that owns it, and the verified request.
    private func proxiedOrder(
        _ id: String, body: [UInt8], receivedAt url: String
    ) async throws -> (SPCAProxyOrder, SPCAProxyAccount, SPCAProxyPolicy.Request) {
        guard let order = try await registry.order(id: id) else {
            throw ACMEError.notFound("order \(id) was not created through this proxy")
        }
        let account = try await proxiedAccount(body)
        guard account.url == order.accountURL else {
            throw ACMEError(.unauthorized, "the order belongs to another account")
        }
        return (order, account, try policy.verify(body: body, receivedAt: url, accountKey: account.key))
    }

    /// The account named by the request's `kid`, if it was created through this proxy.
    private func proxiedAccount(_ body: [UInt8]) async throws -> SPCAProxyAccount {
        guard case .kid(let kid) = try policy.keyReference(body) else {
            throw ACMEError(.malformed, "this endpoint needs kid, not jwk (RFC 8555 §6.2)")
        }
        guard let account = try await registry.account(at: kid) else {
            throw ACMEError(.accountDoesNotExist, "no account at \"\(kid)\" was created through this proxy; send newAccount to it first")
        }
        return account
    }

    private func delegation(of customer: String) async throws -> Delegation {
        guard let delegation = try await delegations.delegation(for: CustomerID(customer)) else {
            throw ACMEError(.unauthorized, "customer \(customer) is no longer registered with this provider")
        }
        return delegation
    }

    private func forward(_ body: [UInt8], to resource: String) async throws -> HTTPSResponse {
        try await upstream(HTTPSRequest(
            method: "POST", url: upstreamBaseURL + resource, headers: [HTTPHeaderField("Content-Type", "application/jose+json")], body: body
        ))
    }

    private func upstream(_ request: HTTPSRequest) async throws -> HTTPSResponse {
        do {
            return try await transport.send(request)
        } catch {
            throw ACMEError.serverInternal("the STI-CA cannot be reached: \(error.reason)")
        }
    }

    /// An order answer with its `Location` and `finalize` naming the proxy (which stays in for them).
    private func rewriteOrder(_ response: HTTPSResponse) throws -> HTTPSResponse {
        guard (200...299).contains(response.status), response.mediaType == "application/json" else { return response }
        let body = try rewrite(response.body) { name, value in
            guard name == "finalize", let url = value.stringValue else { return value }
            return .string(proxied(url))
        }
        let headers = response.headers.map { field in
            field.name.lowercased() == "location" ? HTTPHeaderField(field.name, proxied(field.value)) : field
        }
        return HTTPSResponse(status: response.status, headers: headers, body: body)
    }

    /// The proxy's URL for an STI-CA order or finalize URL; any other URL unchanged.
    private func proxied(_ url: String) -> String {
        guard url.hasPrefix(upstreamBaseURL + "/order/") else { return url }
        return baseURL + url.dropFirst(upstreamBaseURL.count)
    }

    private func rewrite(_ body: [UInt8], _ transform: (String, JSONValue) -> JSONValue) throws -> [UInt8] {
        guard let object = (try? StrictJSONParser(maximumBytes: 1 << 20).parse(body))?.objectValue else {
            throw ACMEError.serverInternal("the STI-CA answered a body that is not a JSON object")
        }
        do {
            return CanonicalJSON.encode(.object(try JSONObject(object.map { JSONObject.Member($0.name, transform($0.name, $0.value)) })))
        } catch {
            throw ACMEError.serverInternal("cannot rewrite the STI-CA answer: \(error.reason)")
        }
    }

    /// The STI-CA's answer as the proxy's, with the headers a client uses.
    private func relayed(_ response: HTTPSResponse) -> Response {
        var headers: HTTPFields = [:]
        for field in response.headers {
            guard let name = HTTPField.Name(field.name), Self.relayedHeaders.contains(name.canonicalName) else { continue }
            let value = name == .link ? field.value.replacingOccurrences(of: "<\(upstreamBaseURL)/directory>", with: "<\(baseURL)/directory>") : field.value
            headers.append(HTTPField(name: name, value: value))
        }
        return Response(
            status: HTTPResponse.Status(code: response.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body))
        )
    }

    static let relayedHeaders: Set<String> = ["content-type", "replay-nonce", "location", "link", "retry-after", "cache-control"]

    /// Renders a refusal as a problem document with a fresh STI-CA nonce and the proxy's index link.
    private func relaying(_ body: () async throws -> Response) async -> Response {
        let problem: ACMEError
        do {
            return try await body()
        } catch let failure as ACMEError {
            problem = failure
        } catch {
            problem = ACMEError.serverInternal("proxy: \(error)")
        }
        var headers: HTTPFields = [.link: "<\(baseURL)/directory>;rel=\"index\""]
        if let nonce = try? await transport.send(HTTPSRequest(method: "HEAD", url: upstreamBaseURL + "/new-nonce")).header("Replay-Nonce") {
            headers[.replayNonce] = nonce
        }
        return ACMEProblemDocument(error: problem).response(headers: headers)
    }
}
