/// The base URLs of SP-CA-proxies this ACME server trusts to relay requests (seed 002 §6.2–§6.3,
/// figure 10): a request JWS whose `url` names a resource under a trusted proxy base passes the
/// RFC 8555 §6.4 check when it reaches this server's URL for the same resource.
///
/// Only the resources the proxy relays are aliased: newAccount (figure 10 steps 5–8), newOrder, the
/// order and its finalize (steps 9–12, where the proxy checks the TN list and the CSR; it stays in for
/// the order so that a client reading `finalize` from the order it polls still finalizes through the
/// proxy). Every other resource (accounts, authorizations, challenges, certificates, key change,
/// revocation) is reached directly (step 12: "giving the PBX direct access to the STI-CA"), so its
/// `url` must equal this server's.
///
/// The alias list is a trust decision of the STI-CA: a listed proxy may forward a PBX's signed
/// request, but it cannot alter or forge one, since the JWS stays signed by the PBX's account key.
public struct ACMEProxyAliases: Hashable, Sendable {
    /// The trusted proxy base URLs, without trailing slashes, e.g. `https://sp1-ca.example/proxy/acme`.
    public let baseURLs: [String]

    /// No proxy is trusted: `url` must equal the request URL.
    public static let none = ACMEProxyAliases([])

    /// Trusts the given proxy base URLs (trailing slashes dropped; empty entries ignored).
    public init(_ baseURLs: [String]) {
        self.baseURLs = baseURLs.map { url in
            var trimmed = url
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            return trimmed
        }.filter { !$0.isEmpty }
    }

    /// Whether `headerURL` is a trusted proxy's URL for the resource received at `requestURL`
    /// under `baseURL` (this server's ACME base): same relative path, a relayed resource, no query.
    public func accepts(headerURL: String, requestURL: String, baseURL: String) -> Bool {
        let prefix = baseURL + "/"
        guard requestURL.hasPrefix(prefix) else { return false }
        let resource = String(requestURL.dropFirst(prefix.count))
        guard Self.isRelayed(resource) else { return false }
        return baseURLs.contains { headerURL == $0 + "/" + resource }
    }

    /// `new-account`, `new-order`, `order/{id}` or `order/{id}/finalize`, with no query or fragment.
    static func isRelayed(_ resource: String) -> Bool {
        guard !resource.contains("?"), !resource.contains("#") else { return false }
        if resource == "new-account" || resource == "new-order" { return true }
        let parts = resource.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, parts[0] == "order", !parts[1].isEmpty else { return false }
        return parts.count == 2 || parts[2] == "finalize"
    }
}
