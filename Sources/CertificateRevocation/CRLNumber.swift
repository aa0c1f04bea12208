import SwiftASN1
import X509

/// A CRL number: a monotonically increasing sequence number for the CRLs of one issuer and scope
/// (RFC 5280 §5.2.3). Also the value of the deltaCRLIndicator extension (RFC 5280 §5.2.4).
///
/// ```asn1
/// id-ce-cRLNumber OBJECT IDENTIFIER ::= { id-ce 20 }
/// CRLNumber ::= INTEGER (0..MAX)
///
/// id-ce-deltaCRLIndicator OBJECT IDENTIFIER ::= { id-ce 27 }
/// BaseCRLNumber ::= CRLNumber
/// ```
///
/// Values may be up to 20 octets long, so the number is kept as big-endian magnitude bytes.
public struct CRLNumber: Hashable, Sendable, Comparable, CustomStringConvertible, DERImplicitlyTaggable {
    /// The ASN.1 INTEGER identifier.
    public static var defaultIdentifier: ASN1Identifier { .integer }

    /// Big-endian magnitude bytes without leading zero bytes (empty for zero).
    public let bytes: ArraySlice<UInt8>

    /// Creates a CRL number from big-endian magnitude bytes.
    /// - Parameter bytes: Unsigned big-endian bytes; leading zeros are removed.
    /// - Throws: ``CertificateRevocationError/Code/invalidCRLNumber`` when the value needs more than 20 octets
    ///   (RFC 5280 §5.2.3).
    public init<Bytes: Collection>(bytes: Bytes) throws where Bytes.Element == UInt8 {
        let trimmed = ArraySlice(bytes.drop(while: { $0 == 0 }))
        guard trimmed.count <= 20 else {
            throw CertificateRevocationError(.invalidCRLNumber, "CRL number is longer than 20 octets")
        }
        self.bytes = trimmed
    }

    /// Creates a CRL number from an unsigned integer.
    public init(_ value: UInt64) {
        var bytes: [UInt8] = []
        var remaining = value
        while remaining > 0 {
            bytes.insert(UInt8(truncatingIfNeeded: remaining), at: 0)
            remaining >>= 8
        }
        self.bytes = ArraySlice(bytes)
    }

    /// Decodes a DER INTEGER (RFC 5280 §5.2.3).
    /// - Throws: ``CertificateRevocationError/Code/invalidCRLNumber`` for a negative, malformed or oversized value.
    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let magnitude: ArraySlice<UInt8>
        do {
            magnitude = try ArraySlice<UInt8>(derEncoded: rootNode, withIdentifier: identifier)
        } catch {
            throw CertificateRevocationError(.invalidCRLNumber, "CRL number is not a non-negative DER INTEGER: \(error)")
        }
        try self.init(bytes: magnitude)
    }

    /// Encodes the number as a DER INTEGER.
    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        let value = bytes.isEmpty ? [0][...] : bytes
        try value.serialize(into: &coder, withIdentifier: identifier)
    }

    /// Numeric order.
    public static func < (lhs: CRLNumber, rhs: CRLNumber) -> Bool {
        if lhs.bytes.count != rhs.bytes.count {
            return lhs.bytes.count < rhs.bytes.count
        }
        return lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Lower-case hexadecimal of the value (`0` for zero).
    public var description: String {
        bytes.isEmpty ? "0" : bytes.map { String($0, radix: 16).leftPadded() }.joined()
    }
}

extension String {
    fileprivate func leftPadded() -> String {
        count == 1 ? "0" + self : self
    }
}

extension CRLNumber {
    /// Decodes the DER value of a cRLNumber or deltaCRLIndicator extension.
    init(extensionValue value: ArraySlice<UInt8>) throws {
        let node: ASN1Node
        do {
            node = try DER.parse(value)
        } catch {
            throw CertificateRevocationError(.invalidCRLNumber, "CRL number is not valid DER: \(error)")
        }
        try self.init(derEncoded: node)
    }

    /// The DER value of a cRLNumber or deltaCRLIndicator extension.
    func extensionValue() throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(self)
        return serializer.serializedBytes
    }
}
