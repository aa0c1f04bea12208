/// A service provider code: an OCN, SPID or other service provider identifier.
///
/// ASN.1 (RFC 8226 §9):
/// ```
/// ServiceProviderCode ::= IA5String
/// ```
/// This type accepts any non-empty printable ASCII text (0x20-0x7E). The stricter SHAKEN rule
/// (uppercase letters and digits, ATIS-1000080 §6.4.1) is reported by ``isSHAKENFormat`` and left to
/// profile linters.
public struct ServiceProviderCode: Hashable, Sendable {
    /// The code as carried in the IA5String.
    public let value: String

    /// Validates a service provider code.
    ///
    /// - Parameter value: Non-empty printable ASCII text.
    /// - Throws: ``TNAuthListError`` with code `invalidServiceProviderCode`.
    public init(_ value: String) throws(TNAuthListError) {
        guard !value.utf8.isEmpty else {
            throw TNAuthListError(.invalidServiceProviderCode, "a service provider code must not be empty")
        }
        for byte in value.utf8 where byte < 0x20 || byte > 0x7E {
            throw TNAuthListError(
                .invalidServiceProviderCode,
                "byte 0x\(String(byte, radix: 16)) is not printable ASCII"
            )
        }
        self.value = value
    }

    /// Whether the code has the SHAKEN form: only uppercase ASCII letters and digits
    /// (ATIS-1000080 §6.4.1, e.g. an OCN such as `709J`).
    public var isSHAKENFormat: Bool {
        value.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }
}

extension ServiceProviderCode: Comparable {
    /// Orders codes by ASCII byte order.
    public static func < (lhs: ServiceProviderCode, rhs: ServiceProviderCode) -> Bool {
        lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
    }
}

extension ServiceProviderCode: CustomStringConvertible {
    /// The code itself.
    public var description: String {
        value
    }
}
