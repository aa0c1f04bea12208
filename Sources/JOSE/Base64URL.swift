/// Strict base64url without padding, as used by JWS (RFC 7515 §2, RFC 4648 §5).
///
/// Decoding accepts only the 64 characters `A–Z a–z 0–9 - _`; it rejects padding (`=`), the standard
/// alphabet's `+` and `/`, whitespace, a length of 1 modulo 4, and non-canonical trailing bits, so
/// every byte string has exactly one accepted encoding.
public enum Base64URL {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Maps an input byte to its 6-bit value, or to `invalid`.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (index, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    private static let invalid: UInt8 = 0x80

    /// Encodes bytes as unpadded base64url text (RFC 4648 §5, RFC 7515 §2).
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        encode(bytes, appendingTo: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the unpadded base64url encoding of `bytes` to `output` (RFC 4648 §5).
    ///
    /// This is the allocation-free form used when a JWS is assembled into one buffer.
    public static func encode(_ bytes: some Sequence<UInt8>, appendingTo output: inout [UInt8]) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            encodeBuffer(buffer, appendingTo: &output)
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { encodeBuffer($0, appendingTo: &output) }
        }
    }

    /// The length of the unpadded encoding of `count` bytes.
    public static func encodedLength(of count: Int) -> Int {
        (count / 3) * 4 + [0, 2, 3][count % 3]
    }

    private static func encodeBuffer(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
        let start = output.count
        let count = encodedLength(of: input.count)
        output.append(contentsOf: repeatElement(0, count: count))
        alphabet.withUnsafeBufferPointer { table in
            output.withUnsafeMutableBufferPointer { whole in
                var out = start
                var index = 0
                let end = input.count - input.count % 3
                while index < end {
                    let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                    whole[out] = table[Int(value >> 18 & 0x3F)]
                    whole[out + 1] = table[Int(value >> 12 & 0x3F)]
                    whole[out + 2] = table[Int(value >> 6 & 0x3F)]
                    whole[out + 3] = table[Int(value & 0x3F)]
                    index += 3
                    out += 4
                }
                let tail = input.count - end
                guard tail > 0 else { return }
                let value = UInt32(input[index]) << 16 | (tail == 2 ? UInt32(input[index + 1]) << 8 : 0)
                whole[out] = table[Int(value >> 18 & 0x3F)]
                whole[out + 1] = table[Int(value >> 12 & 0x3F)]
                if tail == 2 { whole[out + 2] = table[Int(value >> 6 & 0x3F)] }
            }
        }
    }

    /// Decodes strict unpadded base64url text (RFC 7515 §2).
    ///
    /// - Throws: ``JOSEError/Code/malformedBase64URL`` for any character outside the URL-safe
    ///   alphabet (including `=`, `+`, `/` and whitespace), a length of 1 modulo 4, or non-zero
    ///   trailing bits.
    public static func decode(_ text: some StringProtocol) throws(JOSEError) -> [UInt8] {
        if let result = text.utf8.withContiguousStorageIfAvailable({ decodeResult($0) }) {
            return try result.get()
        }
        return try decode(bytes: Array(text.utf8))
    }

    /// Decodes strict unpadded base64url given as ASCII bytes, e.g. a segment of a received JWS.
    ///
    /// - Throws: ``JOSEError/Code/malformedBase64URL`` as ``decode(_:)``.
    public static func decode(bytes: some Collection<UInt8>) throws(JOSEError) -> [UInt8] {
        if let result = bytes.withContiguousStorageIfAvailable({ decodeResult($0) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { decodeResult($0) }.get()
    }

    private static func decodeResult(_ input: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], JOSEError> {
        let remainder = input.count % 4
        guard remainder != 1 else {
            return .failure(JOSEError(code: .malformedBase64URL, reason: "length \(input.count) is 1 modulo 4"))
        }
        let outputCount = (input.count / 4) * 3 + [0, 0, 1, 2][remainder]
        var accumulated: UInt8 = 0
        var lastValue: UInt8 = 0
        let output = decodeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: outputCount) { out, initialized in
                var inIndex = 0
                var outIndex = 0
                let end = input.count - remainder
                while inIndex < end {
                    let a = table[Int(input[inIndex])], b = table[Int(input[inIndex + 1])]
                    let c = table[Int(input[inIndex + 2])], d = table[Int(input[inIndex + 3])]
                    accumulated |= a | b | c | d
                    out[outIndex] = a << 2 | b >> 4
                    out[outIndex + 1] = b << 4 | c >> 2
                    out[outIndex + 2] = c << 6 | d
                    inIndex += 4
                    outIndex += 3
                }
                if remainder >= 2 {
                    let a = table[Int(input[inIndex])], b = table[Int(input[inIndex + 1])]
                    accumulated |= a | b
                    out[outIndex] = a << 2 | b >> 4
                    lastValue = b
                    outIndex += 1
                    if remainder == 3 {
                        let c = table[Int(input[inIndex + 2])]
                        accumulated |= c
                        out[outIndex] = b << 4 | c >> 2
                        lastValue = c
                        outIndex += 1
                    }
                }
                initialized = outIndex
            }
        }
        if accumulated & invalid != 0 {
            return .failure(describeInvalidCharacter(in: input))
        }
        let trailingMask: UInt8 = remainder == 2 ? 0x0F : remainder == 3 ? 0x03 : 0
        if lastValue & trailingMask != 0 {
            return .failure(JOSEError(code: .malformedBase64URL, reason: "non-canonical trailing bits"))
        }
        return .success(output)
    }

    private static func describeInvalidCharacter(in input: UnsafeBufferPointer<UInt8>) -> JOSEError {
        let table = decodeTable
        let position = input.firstIndex { table[Int($0)] == invalid } ?? 0
        let byte = input.isEmpty ? 0 : input[position]
        let what: String
        switch byte {
        case UInt8(ascii: "="): what = "padding '=' is not allowed"
        case UInt8(ascii: "+"), UInt8(ascii: "/"): what = "standard base64 character '\(Character(Unicode.Scalar(byte)))' is not base64url"
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): what = "whitespace is not allowed"
        default: what = "byte 0x\(String(byte, radix: 16)) is not in the base64url alphabet"
        }
        return JOSEError(code: .malformedBase64URL, reason: "\(what) (offset \(position))")
    }
}
