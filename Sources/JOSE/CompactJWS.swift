/// A JWS in compact serialization, `BASE64URL(header).BASE64URL(payload).BASE64URL(signature)`
/// (RFC 7515 §7.1), kept as the exact bytes received.
///
/// The signing input (RFC 7515 §5.2 step 8) is a slice of the received bytes, never a re-encoding.
/// A detached payload (`header..signature`, RFC 7515 Appendix F) is represented with an empty
/// ``payload`` and ``isDetachedPayload`` set; the PASSporT compact form (RFC 8225 §7) uses it.
public struct CompactJWS: Hashable, Sendable {
    /// The exact bytes of the serialization.
    public let serialized: [UInt8]
    /// The decoded JWS Protected Header (UTF-8 JSON, not yet parsed).
    public let header: [UInt8]
    /// The decoded payload; empty when detached.
    public let payload: [UInt8]
    /// The decoded signature.
    public let signature: [UInt8]
    private let firstDot: Int
    private let secondDot: Int

    /// Parses a compact JWS from text.
    ///
    /// - Parameter maximumLength: the longest accepted serialization, in bytes.
    /// - Throws: ``JOSEError/Code/tooLarge``, ``JOSEError/Code/malformedJWS`` (a JWE's five
    ///   segments are rejected before anything else, then any count other than three, an empty
    ///   header or signature), or ``JOSEError/Code/malformedBase64URL``.
    public init(_ compact: some StringProtocol, maximumLength: Int = 65_536) throws(JOSEError) {
        try self.init(bytes: Array(compact.utf8), maximumLength: maximumLength)
    }

    /// Parses a compact JWS from its ASCII bytes.
    ///
    /// - Throws: as ``init(_:maximumLength:)``.
    public init(bytes: [UInt8], maximumLength: Int = 65_536) throws(JOSEError) {
        guard bytes.count <= maximumLength else {
            throw JOSEError(code: .tooLarge, reason: "compact JWS of \(bytes.count) bytes exceeds \(maximumLength)")
        }
        let (dotCount, first, second) = Self.dots(in: bytes)
        if dotCount == 4 {
            throw JOSEError(code: .malformedJWS, reason: "five segments: a JWE (RFC 7516) is not a JWS")
        }
        guard dotCount == 2 else {
            throw JOSEError(code: .malformedJWS, reason: "\(dotCount + 1) segments, expected 3")
        }
        guard first > 0 else { throw JOSEError(code: .malformedJWS, reason: "empty protected header") }
        guard second < bytes.count - 1 else { throw JOSEError(code: .malformedJWS, reason: "empty signature") }
        serialized = bytes
        firstDot = first
        secondDot = second
        header = try Base64URL.decode(bytes: bytes[..<first])
        payload = try Base64URL.decode(bytes: bytes[(first + 1)..<second])
        signature = try Base64URL.decode(bytes: bytes[(second + 1)...])
    }

    /// Whether `bytes` have three segments of which the middle one is empty (`header..signature`
    /// or `..signature`): the detached-payload shape of RFC 7515 Appendix F and the compact form
    /// of RFC 8225 §7. Nothing is decoded.
    public static func hasDetachedPayloadShape(_ bytes: [UInt8]) -> Bool {
        let (count, first, second) = dots(in: bytes)
        return count == 2 && first + 1 == second
    }

    /// The number of `.` bytes (counting stops after five) and the positions of the first two.
    private static func dots(in bytes: [UInt8]) -> (count: Int, first: Int, second: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var first = -1
            var second = -1
            var index = 0
            while index < buffer.count {
                if buffer[index] == UInt8(ascii: ".") {
                    count += 1
                    if count == 1 { first = index } else if count == 2 { second = index } else if count > 4 { break }
                }
                index += 1
            }
            return (count, first, second)
        }
    }

    /// The received `BASE64URL(header) "." BASE64URL(payload)` bytes (RFC 7515 §5.2 step 8).
    public var signingInput: ArraySlice<UInt8> { serialized[..<secondDot] }

    /// The received base64url text of the header.
    public var encodedHeader: ArraySlice<UInt8> { serialized[..<firstDot] }

    /// The received base64url text of the payload; empty when detached.
    public var encodedPayload: ArraySlice<UInt8> { serialized[(firstDot + 1)..<secondDot] }

    /// The received base64url text of the signature.
    public var encodedSignature: ArraySlice<UInt8> { serialized[(secondDot + 1)...] }

    /// Whether the payload segment is empty (RFC 7515 Appendix F, RFC 8225 §7 compact form).
    public var isDetachedPayload: Bool { firstDot + 1 == secondDot }

    /// The serialization as text.
    public var compactSerialization: String { String(decoding: serialized, as: UTF8.self) }
}
