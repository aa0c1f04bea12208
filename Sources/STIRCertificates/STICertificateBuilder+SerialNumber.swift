import X509

extension STICertificateBuilder {
    /// The number of octets of a drawn serial number (126 random bits).
    static let serialOctets = 16

    /// Draws a serial number: 16 octets, 126 of them random bits, positive, DER-minimal
    /// (ATIS-1000080 v005 §6.4.1 requires at least 64 bits of CSPRNG output; RFC 5280 §4.1.2.2).
    ///
    /// - Parameter generator: The randomness source (a CSPRNG in production).
    /// - Returns: A serial whose first octet is in `0x40...0x7F`, so it is positive and needs no padding.
    public static func randomSerialNumber<Generator: RandomNumberGenerator>(
        using generator: inout Generator
    ) -> Certificate.SerialNumber {
        var bytes: [UInt8] = []
        while bytes.count < serialOctets {
            withUnsafeBytes(of: generator.next().littleEndian) { bytes.append(contentsOf: $0) }
        }
        bytes = Array(bytes.prefix(serialOctets))
        bytes[0] = (bytes[0] & 0x3F) | 0x40
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// Checks a caller-provided serial: positive, DER-minimal, at most 20 octets (RFC 5280 §4.1.2.2).
    static func validate(_ serial: Certificate.SerialNumber) throws {
        let bytes = Array(serial.bytes)
        guard let first = bytes.first, bytes.count <= 20 else {
            throw STIRCertificatesError(.invalidSerialNumber, "a serial number has 1 to 20 octets")
        }
        guard first & 0x80 == 0, bytes.contains(where: { $0 != 0 }) else {
            throw STIRCertificatesError(.invalidSerialNumber, "a serial number must be positive")
        }
        if bytes.count > 1, first == 0, bytes[1] & 0x80 == 0 {
            throw STIRCertificatesError(.invalidSerialNumber, "the serial number is not minimally encoded")
        }
    }
}
