import X509

extension Certificate.SerialNumber {
    /// The serial number's DER content octets as lower-case hex, two digits per octet
    /// (`0e`, never `e`), the form used in logs, evidence and failure reasons.
    public var hexadecimal: String {
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x10 { text.append("0") }
            text.append(String(byte, radix: 16))
        }
        return text
    }
}
