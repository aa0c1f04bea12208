/// Builds every ACME resource URL from one base URL (RFC 8555 §7.1.1 directory, §7.1.2–§7.1.5
/// resource URLs), so that URLs in responses and the `url`/`kid` checks of §6.4 agree.
public struct ACMELinker: Hashable, Sendable {
    /// The base URL without a trailing slash, e.g. `https://sti-ca.example/acme`.
    public let baseURL: String

    /// Creates a linker; a trailing slash on `baseURL` is dropped.
    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The directory (§7.1.1).
    public var directory: String { baseURL + "/directory" }
    /// newNonce (§7.2).
    public var newNonce: String { baseURL + "/new-nonce" }
    /// newAccount (§7.3).
    public var newAccount: String { baseURL + "/new-account" }
    /// newOrder (§7.4).
    public var newOrder: String { baseURL + "/new-order" }
    /// revokeCert (§7.6).
    public var revokeCert: String { baseURL + "/revoke-cert" }
    /// keyChange (§7.3.5).
    public var keyChange: String { baseURL + "/key-change" }

    /// An account URL, also the `kid` of its requests (§6.2).
    public func account(_ id: ACMEAccount.ID) -> String { baseURL + "/account/" + id.rawValue }
    /// An account's orders list (§7.1.2.1).
    public func orders(_ id: ACMEAccount.ID) -> String { baseURL + "/account/" + id.rawValue + "/orders" }
    /// An order URL.
    public func order(_ id: ACMEOrder.ID) -> String { baseURL + "/order/" + id.rawValue }
    /// An order's finalize URL.
    public func finalize(_ id: ACMEOrder.ID) -> String { baseURL + "/order/" + id.rawValue + "/finalize" }
    /// An authorization URL.
    public func authorization(_ id: ACMEAuthorization.ID) -> String { baseURL + "/authz/" + id.rawValue }
    /// A challenge URL.
    public func challenge(_ id: ACMEChallenge.ID) -> String { baseURL + "/chall/" + id.rawValue }
    /// A certificate URL.
    public func certificate(_ serial: CertificateSerial) -> String { baseURL + "/cert/" + serial.hex }

    /// The account ID named by a `kid`, if it is exactly an account URL of this server (§6.2).
    public func accountID(fromKeyID kid: String) -> ACMEAccount.ID? {
        let prefix = baseURL + "/account/"
        guard kid.hasPrefix(prefix) else { return nil }
        let rest = kid.dropFirst(prefix.count)
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("?"), !rest.contains("#") else { return nil }
        return ACMEAccount.ID(String(rest))
    }
}
