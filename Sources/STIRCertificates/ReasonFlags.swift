import SwiftASN1

/// The revocation reasons a distribution point covers (RFC 5280 §4.2.1.13).
///
/// ```asn1
/// ReasonFlags ::= BIT STRING {
///      unused                  (0),
///      keyCompromise           (1),
///      cACompromise            (2),
///      affiliationChanged      (3),
///      superseded              (4),
///      cessationOfOperation    (5),
///      certificateHold         (6),
///      privilegeWithdrawn      (7),
///      aACompromise            (8) }
/// ```
public struct ReasonFlags: OptionSet, Hashable, Sendable {
    /// Bit `n` of the BIT STRING is bit `n` of the raw value.
    public let rawValue: UInt16

    /// Creates flags from raw bits (bit `n` = named bit `n`).
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// `unused (0)`.
    public static let unused = ReasonFlags(rawValue: 1 << 0)
    /// `keyCompromise (1)`.
    public static let keyCompromise = ReasonFlags(rawValue: 1 << 1)
    /// `cACompromise (2)`.
    public static let caCompromise = ReasonFlags(rawValue: 1 << 2)
    /// `affiliationChanged (3)`.
    public static let affiliationChanged = ReasonFlags(rawValue: 1 << 3)
    /// `superseded (4)`.
    public static let superseded = ReasonFlags(rawValue: 1 << 4)
    /// `cessationOfOperation (5)`.
    public static let cessationOfOperation = ReasonFlags(rawValue: 1 << 5)
    /// `certificateHold (6)`.
    public static let certificateHold = ReasonFlags(rawValue: 1 << 6)
    /// `privilegeWithdrawn (7)`.
    public static let privilegeWithdrawn = ReasonFlags(rawValue: 1 << 7)
    /// `aACompromise (8)`.
    public static let aaCompromise = ReasonFlags(rawValue: 1 << 8)

    /// The highest named bit.
    static let highestBit = 8

    /// The DER named-bit-list form: trailing zero bits dropped (X.690 §11.2.2).
    var bitString: ASN1BitString {
        guard self.rawValue != 0 else { return ASN1BitString(bytes: []) }
        let highest = 15 - self.rawValue.leadingZeroBitCount
        var bytes = [UInt8](repeating: 0, count: highest / 8 + 1)
        for bit in 0...highest where self.rawValue & (1 << bit) != 0 {
            bytes[bit / 8] |= 0x80 >> UInt8(bit % 8)
        }
        return ASN1BitString(bytes: bytes[...], paddingBits: 7 - highest % 8)
    }

    /// Reads a named bit list; bits above `aACompromise` are rejected.
    init(bitString: ASN1BitString) throws {
        var raw: UInt16 = 0
        let totalBits = bitString.bytes.count * 8 - bitString.paddingBits
        for bit in 0..<totalBits {
            let byte = bitString.bytes[bitString.bytes.startIndex + bit / 8]
            guard byte & (0x80 >> UInt8(bit % 8)) != 0 else { continue }
            guard bit <= Self.highestBit else {
                throw STIRCertificatesError(.invalidExtensionValue, "ReasonFlags bit \(bit) is not defined")
            }
            raw |= 1 << UInt16(bit)
        }
        guard ReasonFlags(rawValue: raw).bitString == bitString else {
            throw STIRCertificatesError(.malformedExtension, "ReasonFlags is not in DER form (trailing zero bits)")
        }
        self.init(rawValue: raw)
    }
}
