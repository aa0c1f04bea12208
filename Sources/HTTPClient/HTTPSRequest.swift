/// One HTTPS request as the protocol clients build it (RFC 9110 §9): method, absolute URL, header
/// fields and an optional body.
public struct HTTPSRequest: Hashable, Sendable {
    /// The method, e.g. `GET`, `POST`, `HEAD`.
    public var method: String
    /// The absolute `https` URL.
    public var url: String
    /// Header fields in order; names are case-insensitive (RFC 9110 §5.1).
    public var headers: [HTTPHeaderField]
    /// The body, or `nil` for none.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: [HTTPHeaderField] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A header field name and value (RFC 9110 §5).
public struct HTTPHeaderField: Hashable, Sendable {
    /// The field name.
    public var name: String
    /// The field value.
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
