/// A typed identifier of an ACME resource, e.g. `ResourceID<ACMEOrder>` (RFC 8555 §7.1).
///
/// The tag keeps an order ID from being passed where an account ID is expected; the raw value is
/// the URL path segment the ``ACMELinker`` uses.
public struct ResourceID<Tag>: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    /// The identifier text (URL-safe).
    public let rawValue: String

    /// Wraps identifier text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps identifier text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The identifier text.
    public var description: String { rawValue }
}
