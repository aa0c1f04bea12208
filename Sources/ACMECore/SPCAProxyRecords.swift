import JOSE

/// An STI-CA account created through the proxy.
public struct SPCAProxyAccount: Hashable, Sendable {
    /// The STI-CA account URL (the `kid` of the PBX's later requests).
    public let url: String
    /// The PBX customer.
    public let customer: String
    /// The account public key, to check the signatures of relayed requests.
    public let key: JSONWebKey

    /// Creates a record.
    public init(url: String, customer: String, key: JSONWebKey) {
        self.url = url
        self.customer = customer
        self.key = key
    }
}

/// An order created through the proxy.
public struct SPCAProxyOrder: Hashable, Sendable {
    /// The STI-CA order ID (the `{id}` of `order/{id}/finalize`).
    public let id: String
    /// The account URL that created it.
    public let accountURL: String
    /// Its identifier.
    public let identifier: TNAuthListIdentifier

    /// Creates a record.
    public init(id: String, accountURL: String, identifier: TNAuthListIdentifier) {
        self.id = id
        self.accountURL = accountURL
        self.identifier = identifier
    }
}
