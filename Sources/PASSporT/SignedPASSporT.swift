/// A PASSporT with its full-form compact serialization (RFC 8225 §6), as produced by ``PASSporTSigner``.
public struct SignedPASSporT: Hashable, Sendable {
    /// The PASSporT that was signed.
    public let passport: PASSporT
    /// `BASE64URL(header).BASE64URL(claims).BASE64URL(signature)` (RFC 7515 §7.1).
    public let compact: String
    /// The raw 64-byte `R || S` signature (RFC 7518 §3.4).
    public let signature: [UInt8]

    /// The SIP Identity header field value for this PASSporT (RFC 8224 §4.1), with `info` set to
    /// the header's `x5u`, `alg=ES256`, and `ppt` when the PASSporT has one.
    public var identityHeader: IdentityHeader {
        IdentityHeader(token: compact, info: passport.header.x5u, ppt: passport.header.ppt?.rawValue)
    }
}
