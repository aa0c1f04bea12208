/// The rules an `x5u` (or Identity `info`) URL must satisfy before anything is fetched
/// (ATIS-1000080 §6.3.1 repository rules, ATIS-1000074 §5.3.1 verifier rules, RFC 8224 §6.2).
///
/// A pure validator: no DNS, no I/O. It accepts only `https` URLs on an allowed port (443 or 8443
/// by default), without userinfo, query or fragment, with a DNS host name (IP literals are refused
/// unless ``allowsIPLiterals`` is set, e.g. for loopback tests), printable ASCII only and at most
/// ``maximumLength`` bytes. Address checks at connect time (private ranges, DNS rebinding) belong
/// to the HTTPS fetcher, not to this type.
public struct X5UPolicy: Hashable, Sendable {
    /// The parts of an accepted URL.
    public struct Components: Hashable, Sendable {
        /// The host, lowercased; an IPv6 literal is given without brackets.
        public let host: String
        /// The port, 443 when the URL names none.
        public let port: Int
        /// The path, `/` when the URL has none.
        public let path: String
    }

    /// The ports ATIS-1000080 allows for certificate repositories.
    public static let defaultPorts: Set<Int> = [443, 8443]

    /// Ports a URL may name (explicitly or through the `https` default 443).
    public var allowedPorts: Set<Int>
    /// Whether an IPv4 or IPv6 literal may be the host (off by default: SSRF hardening).
    public var allowsIPLiterals: Bool
    /// The longest URL accepted, in bytes.
    public var maximumLength: Int

    /// Creates a policy; the defaults are the ATIS rules.
    public init(allowedPorts: Set<Int> = X5UPolicy.defaultPorts, allowsIPLiterals: Bool = false, maximumLength: Int = 2_048) {
        self.allowedPorts = allowedPorts
        self.allowsIPLiterals = allowsIPLiterals
        self.maximumLength = maximumLength
    }

    /// Checks `url` against the policy.
    ///
    /// - Returns: the host, port and path of an accepted URL.
    /// - Throws: ``STIRServicesError`` `x5uNotAllowed` naming the broken rule.
    @discardableResult
    public func validate(_ url: String) throws(STIRServicesError) -> Components {
        let (host, port, pathBytes) = try check(Array(url.utf8)[...], url: url)
        return Components(
            host: String(decoding: host.map(Self.lowercased), as: UTF8.self),
            port: port,
            path: pathBytes.isEmpty ? "/" : String(decoding: pathBytes, as: UTF8.self)
        )
    }

    /// Checks `url` against the policy without building ``Components`` (the verifier's per-call path).
    ///
    /// - Throws: as ``validate(_:)``.
    func check(_ url: String) throws(STIRServicesError) {
        _ = try check(Array(url.utf8)[...], url: url)
    }

    private func check(
        _ bytes: ArraySlice<UInt8>, url: String
    ) throws(STIRServicesError) -> (host: ArraySlice<UInt8>, port: Int, path: ArraySlice<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= maximumLength else {
            throw Self.refuse(url, "must be 1 to \(maximumLength) bytes long")
        }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else {
            throw Self.refuse(url, "must be printable ASCII without spaces or backslashes")
        }
        let scheme: StaticString = "https://"
        let schemeCount = scheme.utf8CodeUnitCount
        guard bytes.count > schemeCount,
            (0..<schemeCount).allSatisfy({ Self.lowercased(bytes[bytes.startIndex + $0]) == scheme.utf8Start[$0] })
        else {
            throw Self.refuse(url, "scheme must be https (ATIS-1000080 §6.3.1)")
        }
        if bytes.contains(UInt8(ascii: "?")) { throw Self.refuse(url, "must not carry a query (ATIS-1000074 §5.3.1)") }
        if bytes.contains(UInt8(ascii: "#")) { throw Self.refuse(url, "must not carry a fragment (ATIS-1000074 §5.3.1)") }
        let rest = bytes[(bytes.startIndex + schemeCount)...]
        let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        let authority = rest[..<slash]
        let pathBytes = rest[slash...]
        if authority.contains(UInt8(ascii: "@")) { throw Self.refuse(url, "must not carry userinfo (ATIS-1000074 §5.3.1)") }
        let (host, isLiteral, portText) = try Self.splitAuthority(authority, url: url)
        if isLiteral, !allowsIPLiterals { throw Self.refuse(url, "host must be a DNS name, not an IP literal") }
        let port = try Self.port(portText, url: url)
        guard allowedPorts.contains(port) else {
            throw Self.refuse(url, "port \(port) is not allowed (ATIS-1000080 §6.3.1: 443 or 8443)")
        }
        try Self.checkPath(pathBytes, url: url)
        return (host, port, pathBytes)
    }

    private static func splitAuthority(
        _ authority: ArraySlice<UInt8>, url: String
    ) throws(STIRServicesError) -> (host: ArraySlice<UInt8>, isLiteral: Bool, port: ArraySlice<UInt8>?) {
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")), close > authority.startIndex + 1 else {
                throw refuse(url, "has an unterminated IPv6 literal")
            }
            let host = authority[(authority.startIndex + 1)..<close]
            guard host.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                throw refuse(url, "has a malformed IPv6 literal")
            }
            let after = authority[(close + 1)...]
            if after.isEmpty { return (host, true, nil) }
            guard after.first == UInt8(ascii: ":") else { throw refuse(url, "has text after the IPv6 literal") }
            return (host, true, after.dropFirst())
        }
        let colon = authority.firstIndex(of: UInt8(ascii: ":"))
        let host = authority[..<(colon ?? authority.endIndex)]
        let port = colon.map { authority[($0 + 1)...] }
        // Walk the dot-separated labels in place (no array of labels per call).
        var labelsValid = !host.isEmpty
        var isIPv4 = true
        var labelStart = host.startIndex
        while labelsValid {
            let labelEnd = host[labelStart...].firstIndex(of: UInt8(ascii: ".")) ?? host.endIndex
            let label = host[labelStart..<labelEnd]
            labelsValid = isHostLabel(label)
            isIPv4 = isIPv4 && label.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard labelEnd < host.endIndex else { break }
            labelStart = labelEnd + 1
        }
        guard labelsValid else {
            throw refuse(url, "host must be a DNS name of letters, digits and hyphens")
        }
        return (host, isIPv4, port)
    }

    private static func isHostLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else {
            return false
        }
        return label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func port(_ text: ArraySlice<UInt8>?, url: String) throws(STIRServicesError) -> Int {
        guard let text else { return 443 }
        guard (1...5).contains(text.count), text.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw refuse(url, "port must be 1 to 5 decimal digits")
        }
        let value = text.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard (1...65_535).contains(value) else { throw refuse(url, "port \(value) is out of range") }
        return value
    }

    /// RFC 3986 §3.3 path characters: unreserved, sub-delims, `:`, `@`, `/` and `%XX` escapes.
    private static func checkPath(_ path: ArraySlice<UInt8>, url: String) throws(STIRServicesError) {
        var index = path.startIndex
        while index < path.endIndex {
            let byte = path[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < path.endIndex, isHexDigit(path[index + 1]), isHexDigit(path[index + 2]) else {
                    throw refuse(url, "path has a malformed percent escape")
                }
                index += 3
                continue
            }
            guard isAlphanumeric(byte) || isPathSymbol(byte) else {
                throw refuse(url, "path has a character outside RFC 3986 §3.3")
            }
            index += 1
        }
    }

    /// The RFC 3986 §3.3 path characters besides alphanumerics and `%`: `-._~!$&'()*+,;=:@/`.
    private static func isPathSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (lowercased(byte) >= UInt8(ascii: "a") && lowercased(byte) <= UInt8(ascii: "z"))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (lowercased(byte) >= UInt8(ascii: "a") && lowercased(byte) <= UInt8(ascii: "f"))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
    }

    private static func refuse(_ url: String, _ rule: String) -> STIRServicesError {
        STIRServicesError(.x5uNotAllowed, "x5u \(url.utf8.count > 200 ? String(url.prefix(200)) + "…" : url) \(rule)")
    }
}
