#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension TNAuthorizationList {
    /// Decodes the base64 text of a DER TNAuthorizationList, as carried in an SPC token's `atc.tkvalue`
    /// (RFC 9448 §5) or an ACME `TNAuthList` identifier (RFC 9448 §3).
    ///
    /// Implementations differ (ATIS-1000080 §6.3.5.2 clients use standard base64 with padding, some
    /// servers unpadded base64url), so both are accepted: the standard alphabet (RFC 4648 §4) or the URL
    /// alphabet (§5), mixing them is an error, and padding may be omitted. Whitespace is not accepted.
    ///
    /// - Parameter base64Encoded: The text.
    /// - Throws: ``TNAuthListError`` with code `invalidBase64`, or a DER decoding error.
    public init(base64Encoded: String) throws {
        let bytes = try Self.decodeBase64(base64Encoded)
        try self.init(derEncoded: bytes)
    }

    /// The DER encoding in standard base64 with padding (RFC 4648 §4), the form STI-PA and STI-CA
    /// implementations exchange (ATIS-1000080 §6.3.5.2).
    ///
    /// - Throws: ``TNAuthListError`` with code `malformedDER` if serialization fails.
    public func base64EncodedString() throws -> String {
        Data(try derEncoded()).base64EncodedString()
    }

    /// Standard or URL-alphabet base64, padded or not, to bytes.
    static func decodeBase64(_ text: String) throws(TNAuthListError) -> [UInt8] {
        var usesStandard = false
        var usesURL = false
        var paddingCount = 0
        var normalized: [UInt8] = []
        normalized.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard paddingCount == 0 else {
                    throw TNAuthListError(.invalidBase64, "base64 text continues after '=' padding")
                }
                normalized.append(byte)
            case UInt8(ascii: "+"), UInt8(ascii: "/"):
                usesStandard = true
                normalized.append(byte)
            case UInt8(ascii: "-"):
                usesURL = true
                normalized.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"):
                usesURL = true
                normalized.append(UInt8(ascii: "/"))
            case UInt8(ascii: "="):
                paddingCount += 1
                normalized.append(byte)
            default:
                throw TNAuthListError(.invalidBase64, "byte 0x\(String(byte, radix: 16)) is not a base64 character")
            }
        }
        guard !(usesStandard && usesURL) else {
            throw TNAuthListError(.invalidBase64, "base64 text mixes the standard and URL alphabets")
        }
        guard paddingCount <= 2 else {
            throw TNAuthListError(.invalidBase64, "base64 text has more than two '=' characters")
        }
        if paddingCount == 0 {
            switch normalized.count % 4 {
            case 2: normalized.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "=")])
            case 3: normalized.append(UInt8(ascii: "="))
            default: break
            }
        }
        guard !normalized.isEmpty, normalized.count % 4 == 0,
            let data = Data(base64Encoded: Data(normalized))
        else {
            throw TNAuthListError(.invalidBase64, "'\(text)' is not valid base64")
        }
        return Array(data)
    }
}
