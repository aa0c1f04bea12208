extension TelephoneNumber {
    /// Canonicalizes a telephone number written by a person or taken from a SIP header.
    ///
    /// Follows RFC 8224 §8.3 and ATIS-1000074: removes the visual separators `-`, `.`, `(`, `)` and space,
    /// and one `+` when it is the first character. What remains must be ASCII `0-9`, `*` or `#`;
    /// letters, non-ASCII digits (Arabic-Indic, fullwidth, ...) and a `+` anywhere else are errors.
    /// Numbers not in global form are returned as written: adding a country code is local policy.
    ///
    /// `+1-(215)-555-1212` becomes `12155551212`.
    ///
    /// - Parameter input: The number as written.
    /// - Returns: The canonical number.
    /// - Throws: ``TNAuthListError`` with code `invalidCharacter`, `emptyNumber` or `numberTooLong`.
    public static func canonicalizing(_ input: String) throws(TNAuthListError) -> TelephoneNumber {
        var kept: [UInt8] = []
        kept.reserveCapacity(input.utf8.count)
        var isFirst = true
        for byte in input.utf8 {
            defer { isFirst = false }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: " "):
                continue
            case UInt8(ascii: "+") where isFirst:
                continue
            case UInt8(ascii: "+"):
                throw TNAuthListError(.invalidCharacter, "a '+' is only allowed as the first character")
            default:
                guard isCanonical(byte) else {
                    throw TNAuthListError(
                        .invalidCharacter,
                        "byte 0x\(String(byte, radix: 16)) is not an ASCII digit, '*', '#' or visual separator"
                    )
                }
                kept.append(byte)
            }
        }
        try validate(kept)
        return TelephoneNumber(validatedBytes: kept)
    }

    /// Canonicalizes the telephone number carried by a `tel:` URI, or by a `sip:`/`sips:` URI whose
    /// parameters include `user=phone`.
    ///
    /// RFC 8224 §8.3 step 1: the user part of a `tel:` URI (RFC 3966) or of a SIP URI with `user=phone`
    /// (RFC 3261 §19.1.1). URI parameters and tel parameters (after `;`) are ignored; surrounding
    /// angle brackets are removed. The number is then canonicalized with ``canonicalizing(_:)``.
    ///
    /// - Parameter uri: A URI such as `tel:+1-215-555-1212` or `sip:+12155551212@example.com;user=phone`.
    /// - Returns: The canonical number.
    /// - Throws: ``TNAuthListError`` with code `invalidURI` for other URIs, or a canonicalization error.
    public static func canonicalizing(uri: String) throws(TNAuthListError) -> TelephoneNumber {
        var text = Substring(uri)
        if text.hasPrefix("<") && text.hasSuffix(">") {
            text = text.dropFirst().dropLast()
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw TNAuthListError(.invalidURI, "'\(uri)' has no URI scheme")
        }
        let scheme = text[..<colon].lowercased()
        let rest = text[text.index(after: colon)...]
        switch scheme {
        case "tel":
            let number = rest.prefix { $0 != ";" }
            return try canonicalizing(String(number))
        case "sip", "sips":
            guard let at = rest.firstIndex(of: "@") else {
                throw TNAuthListError(.invalidURI, "'\(uri)' has no user part")
            }
            let userPart = rest[..<at]
            let hostAndParameters = rest[rest.index(after: at)...]
            let parameters = hostAndParameters.split(separator: ";").dropFirst()
            guard parameters.contains(where: { $0.lowercased() == "user=phone" }) else {
                throw TNAuthListError(.invalidURI, "'\(uri)' is a SIP URI without user=phone")
            }
            let number = userPart.prefix { $0 != ";" }
            return try canonicalizing(String(number))
        default:
            throw TNAuthListError(.invalidURI, "'\(uri)' is neither a tel: nor a sip:/sips: URI")
        }
    }

    /// Wraps bytes that already passed ``validate(_:)``.
    init(validatedBytes: [UInt8]) {
        self.digits = String(decoding: validatedBytes, as: UTF8.self)
    }
}
