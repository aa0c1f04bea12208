import X509

/// A certificate serial number as the ledger keys it: the positive DER INTEGER content bytes
/// (RFC 5280 §4.1.2.2), shown as lower-case hex. The hex form is also the certificate URL segment.
public struct CertificateSerial: Hashable, Sendable, CustomStringConvertible {
    /// The big-endian bytes.
    public let bytes: [UInt8]

    /// Wraps serial bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The serial of a certificate.
    public init(_ serial: Certificate.SerialNumber) {
        bytes = Array(serial.bytes)
    }

    /// Parses lower- or upper-case hex with an even number of digits.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard !utf8.isEmpty, utf8.count % 2 == 0, utf8.count <= 80 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            guard let byte = UInt8(String(decoding: utf8[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            index += 2
        }
        self.bytes = bytes
    }

    /// Lower-case hex.
    public var hex: String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The hex form.
    public var description: String { hex }

    /// The X.509 serial number.
    public var serialNumber: Certificate.SerialNumber { Certificate.SerialNumber(bytes: bytes) }
}
