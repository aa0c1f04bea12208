import Crypto

extension FlattenedJWS {
    /// Signs a payload with ES256 under a protected header and returns the flattened serialization
    /// (RFC 7515 §7.2.2, RFC 7518 §3.4): the client side of an ACME request (RFC 8555 §6.2).
    ///
    /// - Parameters:
    ///   - protectedHeader: the header object; it is written as canonical JSON.
    ///   - payload: the payload bytes; empty for an ACME POST-as-GET.
    ///   - key: the signing key.
    /// - Throws: ``JOSEError/Code/signingFailed``.
    public static func signES256(
        protectedHeader: JSONObject,
        payload: [UInt8],
        using key: P256.Signing.PrivateKey
    ) throws(JOSEError) -> FlattenedJWS {
        let encodedProtected = Base64URL.encode(CanonicalJSON.encode(.object(protectedHeader)))
        let encodedPayload = Base64URL.encode(payload)
        let signature = try ES256.sign(Array((encodedProtected + "." + encodedPayload).utf8), using: key)
        return try FlattenedJWS(jsonValue: .object(JSONObject(sortedUniqueMembers: [
            .init("payload", .string(encodedPayload)),
            .init("protected", .string(encodedProtected)),
            .init("signature", .string(Base64URL.encode(signature))),
        ])))
    }
}
