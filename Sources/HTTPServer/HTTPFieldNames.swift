import HTTPTypes

extension HTTPField.Name {
    /// `Replay-Nonce` (RFC 8555 §6.5.1).
    public static let replayNonce = HTTPField.Name.literal("Replay-Nonce")
    /// `Link` (RFC 8288 §3).
    public static let link = HTTPField.Name.literal("Link")

    /// A field name from a literal that is a valid token (RFC 9110 §5.1).
    private static func literal(_ name: StaticString) -> HTTPField.Name {
        guard let parsed = HTTPField.Name("\(name)") else {
            preconditionFailure("\(name) is not an HTTP field name token")
        }
        return parsed
    }
}
