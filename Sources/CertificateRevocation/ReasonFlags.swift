import SwiftASN1

/// The set of revocation reasons a CRL or distribution point covers (RFC 5280 §4.2.1.13, used by §5.2.5).
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
public struct ReasonFlags: OptionSet, Hashable, Sendable, DERImplicitlyTaggable {
    /// The ASN.1 BIT STRING identifier.
    public static var defaultIdentifier: ASN1Identifier { .bitString }

    /// Bit `n` of the named bit list is `1 << n`.
    public let rawValue: UInt16

    /// Creates a set from its raw bits (bit `n` of the named bit list is `1 << n`).
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Bit 0, `unused`.
    public static let unused = ReasonFlags(rawValue: 1 << 0)
    /// Bit 1, `keyCompromise`.
    public static let keyCompromise = ReasonFlags(rawValue: 1 << 1)
    /// Bit 2, `cACompromise`.
    public static let cACompromise = ReasonFlags(rawValue: 1 << 2)
    /// Bit 3, `affiliationChanged`.
    public static let affiliationChanged = ReasonFlags(rawValue: 1 << 3)
    /// Bit 4, `superseded`.
    public static let superseded = ReasonFlags(rawValue: 1 << 4)
    /// Bit 5, `cessationOfOperation`.
    public static let cessationOfOperation = ReasonFlags(rawValue: 1 << 5)
    /// Bit 6, `certificateHold`.
    public static let certificateHold = ReasonFlags(rawValue: 1 << 6)
    /// Bit 7, `privilegeWithdrawn`.
    public static let privilegeWithdrawn = ReasonFlags(rawValue: 1 << 7)
    /// Bit 8, `aACompromise`.
    public static let aACompromise = ReasonFlags(rawValue: 1 << 8)

    /// Decodes a DER named-bit-list BIT STRING; bits beyond 8 are rejected.
    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let bitString = try ASN1BitString(derEncoded: rootNode, withIdentifier: identifier)
        var raw: UInt16 = 0
        for (byteIndex, byte) in bitString.bytes.enumerated() {
            for bitInByte in 0..<8 where byte & (0x80 >> UInt8(bitInByte)) != 0 {
                let bit = byteIndex * 8 + bitInByte
                guard bit <= 8 else {
                    throw CertificateRevocationError(.invalidExtension, "ReasonFlags bit \(bit) is not defined")
                }
                raw |= 1 << UInt16(bit)
            }
        }
        if let last = bitString.bytes.last, last != 0 {
            // X.690 §11.2.2: a named bit list in DER has no trailing zero bits.
            guard last & (1 << UInt8(bitString.paddingBits)) != 0 else {
                throw CertificateRevocationError(.invalidExtension, "ReasonFlags has trailing zero bits")
            }
        } else if !bitString.bytes.isEmpty {
            throw CertificateRevocationError(.invalidExtension, "ReasonFlags has a trailing zero octet")
        }
        self.rawValue = raw
    }

    /// Encodes the set as a DER named-bit-list BIT STRING (trailing zero bits removed, X.690 §11.2.2).
    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        guard rawValue != 0 else {
            try ASN1BitString(bytes: [], paddingBits: 0).serialize(into: &coder, withIdentifier: identifier)
            return
        }
        let highestBit = 15 - rawValue.leadingZeroBitCount
        var bytes = [UInt8](repeating: 0, count: highestBit / 8 + 1)
        for bit in 0...highestBit where rawValue & (1 << UInt16(bit)) != 0 {
            bytes[bit / 8] |= 0x80 >> UInt8(bit % 8)
        }
        try ASN1BitString(bytes: bytes[...], paddingBits: 7 - highestBit % 8)
            .serialize(into: &coder, withIdentifier: identifier)
    }
}
