import JOSE

/// The `atc.fingerprint` of an SPC token: the SHA-256 RFC 7638 thumbprint of the ACME account key
/// (RFC 9448 §5, ATIS-1000080 §6.3.5.2).
///
/// The text form is `SHA256 ` followed by upper-case, colon-separated hex (the RFC 4572 grammar
/// RFC 9448 refers to). Parsing accepts hex in either case, the hash name `SHA256` or `SHA-256` in
/// either case, and also the bare base64url thumbprint some implementations send. Two fingerprints
/// are equal when their 32 thumbprint bytes are equal, so comparison never depends on letter case.
public struct AccountKeyFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte SHA-256 thumbprint (RFC 7638 §3).
    public let thumbprint: [UInt8]

    /// The fingerprint of an account key.
    public init(accountKey: JSONWebKey) {
        thumbprint = accountKey.thumbprint()
    }

    /// A fingerprint from thumbprint bytes.
    ///
    /// - Throws: ``AuthorityTokenError/Code/invalidFingerprint`` unless `thumbprint` has 32 bytes.
    public init(thumbprint: [UInt8]) throws(AuthorityTokenError) {
        guard thumbprint.count == 32 else {
            throw AuthorityTokenError(code: .invalidFingerprint, reason: "a SHA-256 thumbprint has 32 bytes, not \(thumbprint.count)")
        }
        self.thumbprint = thumbprint
    }

    /// Parses `SHA256 AB:CD:…` (any hex case) or a bare base64url thumbprint.
    ///
    /// - Throws: ``AuthorityTokenError/Code/invalidFingerprint`` for any other text.
    public init(parsing text: String) throws(AuthorityTokenError) {
        guard let space = text.firstIndex(of: " ") else {
            let bytes: [UInt8]
            do {
                bytes = try Base64URL.decode(text)
            } catch {
                throw AuthorityTokenError(
                    code: .invalidFingerprint,
                    reason: "fingerprint is neither \"SHA256 <hex>\" nor a base64url thumbprint"
                )
            }
            try self.init(thumbprint: bytes)
            return
        }
        let algorithm = text[..<space].uppercased()
        guard algorithm == "SHA256" || algorithm == "SHA-256" else {
            throw AuthorityTokenError(code: .invalidFingerprint, reason: "fingerprint hash \"\(text[..<space])\" is not SHA256")
        }
        let groups = text[text.index(after: space)...].split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for group in groups {
            guard group.utf8.count == 2, let byte = UInt8(group, radix: 16) else {
                throw AuthorityTokenError(code: .invalidFingerprint, reason: "fingerprint group \"\(group)\" is not two hex digits")
            }
            bytes.append(byte)
        }
        try self.init(thumbprint: bytes)
    }

    /// `SHA256 ` and upper-case colon-separated hex, the form emitted (RFC 9448 §5, RFC 4572 §5).
    public var description: String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = Array("SHA256 ".utf8)
        for (index, byte) in thumbprint.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ":")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether this fingerprint names `accountKey` (RFC 9448 §6).
    public func matches(_ accountKey: JSONWebKey) -> Bool {
        thumbprint == accountKey.thumbprint()
    }
}
