import Foundation

/// A resolved IPv4 or IPv6 address, as the x5u fetcher checks it before connecting (security
/// notes §3.3: loopback, RFC 1918, link-local, CGNAT, ULA and IPv4-mapped addresses are refused).
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// Four bytes, network order.
    case v4([UInt8])
    /// Sixteen bytes, network order.
    case v6([UInt8])

    /// Parses dotted-quad IPv4 or RFC 4291 §2.2 IPv6 text (brackets allowed); `nil` for anything else.
    public init?(_ text: String) {
        var literal = Substring(text)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
        if let bytes = Self.parseV4(literal) {
            self = .v4(bytes)
        } else if let bytes = Self.parseV6(literal) {
            self = .v6(bytes)
        } else {
            return nil
        }
    }

    /// Whether the address is in a range an x5u fetch must never reach unless allow-listed:
    /// unspecified, loopback, private (RFC 1918), CGNAT (RFC 6598), link-local (RFC 3927, incl.
    /// cloud metadata 169.254.169.254), benchmarking, multicast, reserved, IPv6 unique-local
    /// (RFC 4193), link-local, multicast, documentation, IPv4-mapped and NAT64 (RFC 6052).
    public var isRestricted: Bool {
        switch self {
        case .v4(let b):
            return Self.v4Restricted(b)
        case .v6(let b):
            if b.allSatisfy({ $0 == 0 }) { return true }
            if b.prefix(15).allSatisfy({ $0 == 0 }) && b[15] == 1 { return true }
            if b[0] & 0xFE == 0xFC { return true }
            if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return true }
            if b[0] == 0xFF { return true }
            if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return true }
            if b.prefix(10).allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return true }
            if b.prefix(12).allSatisfy({ $0 == 0 }) { return true }
            if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B { return true }
            return false
        }
    }

    /// Dotted-quad or colon-hex text (no zero compression).
    public var description: String {
        switch self {
        case .v4(let b):
            return b.map(String.init).joined(separator: ".")
        case .v6(let b):
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }.joined(separator: ":")
        }
    }

    private static func v4Restricted(_ b: [UInt8]) -> Bool {
        switch b[0] {
        case 0, 10, 127: return true
        case 100: return b[1] & 0xC0 == 64
        case 169: return b[1] == 254
        case 172: return b[1] & 0xF0 == 16
        case 192: return (b[1] == 168) || (b[1] == 0 && b[2] == 0) || (b[1] == 0 && b[2] == 2)
        case 198: return b[1] & 0xFE == 18 || (b[1] == 51 && b[2] == 100)
        case 203: return b[1] == 0 && b[2] == 113
        case 224...255: return true
        default: return false
        }
    }

    private static func parseV4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func parseV6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":"), text.count <= 45 else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = parseV4(piece) {
                    bytes += v4
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
