import TNAuthList

/// An ACME identifier of type `TNAuthList` (RFC 9448 §3): `{"type":"TNAuthList","value":"<base64 DER>"}`.
///
/// Two identifiers are equal when their DER encodings are equal, whatever base64 alphabet carried them.
public struct TNAuthListIdentifier: Hashable, Sendable {
    /// The identifier type, `TNAuthList` (RFC 9448 §3).
    public static let type = "TNAuthList"

    /// The authorized numbers.
    public let tnAuthList: TNAuthorizationList
    /// The DER encoding of ``tnAuthList``.
    public let der: [UInt8]

    /// Creates the identifier of a list.
    ///
    /// - Throws: ``ACMEError/Code/malformed`` if the list cannot be DER-encoded.
    public init(_ list: TNAuthorizationList) throws(ACMEError) {
        do {
            der = try list.derEncoded()
        } catch {
            throw ACMEError(.malformed, "TNAuthList does not encode: \(error)")
        }
        tnAuthList = list
    }

    /// Parses an identifier value: standard or URL-alphabet base64 of a DER TNAuthorizationList.
    ///
    /// - Throws: ``ACMEError/Code/malformed`` naming what is wrong.
    public init(value: String) throws(ACMEError) {
        let list: TNAuthorizationList
        do {
            list = try TNAuthorizationList(base64Encoded: value)
        } catch {
            throw ACMEError(.malformed, "TNAuthList identifier value is not base64 of a DER TNAuthList: \(error)")
        }
        try self.init(list)
    }

    /// The value as sent: padded standard base64 of the DER (ATIS-1000080 §6.3.5.2 interop form).
    public var value: String {
        (try? tnAuthList.base64EncodedString()) ?? ""
    }

    /// Equality on the DER encoding.
    public static func == (lhs: TNAuthListIdentifier, rhs: TNAuthListIdentifier) -> Bool { lhs.der == rhs.der }

    /// Hashes the DER encoding.
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}
