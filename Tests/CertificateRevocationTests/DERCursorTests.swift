import SwiftASN1
import Testing

@testable import CertificateRevocation

/// A named byte string whose first element the cursor must refuse.
struct MalformedHeader: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var testDescription: String { name }
}

/// Reads every top-level element of `bytes`.
private func elements(_ bytes: [UInt8]) throws -> [DERElement] {
    try bytes.withUnsafeBufferPointer { buffer in
        var cursor = DERCursor(buffer)
        var result: [DERElement] = []
        while let element = try cursor.next() {
            result.append(element)
        }
        return result
    }
}

/// The magnitude octets the cursor extracts from the single INTEGER in `bytes`.
private func magnitude(_ bytes: [UInt8]) throws -> [UInt8] {
    try bytes.withUnsafeBufferPointer { buffer in
        var cursor = DERCursor(buffer)
        let element = try cursor.next(expecting: bytes[0], "value")
        return Array(buffer[try cursor.unsignedIntegerMagnitude(element)])
    }
}

@Suite("DERCursor: the strict DER header reader for revoked entries (X.690 §8.1, §10.1)")
struct DERCursorTests {
    @Test("Short and minimal long-form lengths give the element's exact extent")
    func wellFormedHeaders() throws {
        #expect(try elements([0x02, 0x01, 0x05]) == [DERElement(tag: 0x02, start: 0, contentStart: 2, end: 3)])
        #expect(try elements([0x05, 0x00, 0x04, 0x00]).map(\.range) == [0..<2, 2..<4])
        let long = [0x04, 0x81, 0x80] + [UInt8](repeating: 0xAB, count: 0x80)
        #expect(try elements(long) == [DERElement(tag: 0x04, start: 0, contentStart: 3, end: 131)])
        let longer = [0x30, 0x82, 0x01, 0x00] + [UInt8](repeating: 0x05, count: 0x100)
        #expect(try elements(longer) == [DERElement(tag: 0x30, start: 0, contentStart: 4, end: 260)])
        #expect(try elements([]).isEmpty)
    }

    static let malformedHeaders: [MalformedHeader] = [
        MalformedHeader(name: "long form for a length below 128", bytes: [0x04, 0x81, 0x05, 1, 2, 3, 4, 5]),
        MalformedHeader(name: "long form for length 0", bytes: [0x04, 0x81, 0x00]),
        MalformedHeader(name: "long form for length 127", bytes: [0x04, 0x81, 0x7F] + [UInt8](repeating: 0, count: 0x7F)),
        MalformedHeader(name: "long form with a leading zero octet", bytes: [0x04, 0x82, 0x00, 0x80] + [UInt8](repeating: 0, count: 0x80)),
        MalformedHeader(name: "indefinite length", bytes: [0x30, 0x80, 0x05, 0x00, 0x00, 0x00]),
        MalformedHeader(name: "reserved length octet 0xFF", bytes: [0x04, 0xFF] + [UInt8](repeating: 0x01, count: 130)),
        MalformedHeader(name: "nine length octets", bytes: [0x04, 0x89, 0x01] + [UInt8](repeating: 0, count: 8)),
        MalformedHeader(name: "length one past the buffer", bytes: [0x04, 0x05, 1, 2, 3, 4]),
        MalformedHeader(name: "four-octet length past the buffer", bytes: [0x04, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x00]),
        MalformedHeader(name: "eight-octet length near Int.max", bytes: [0x04, 0x88, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        MalformedHeader(name: "eight-octet length above Int.max", bytes: [0x04, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        MalformedHeader(name: "high tag number, universal", bytes: [0x1F, 0x1F, 0x00]),
        MalformedHeader(name: "high tag number, context-specific constructed", bytes: [0xBF, 0x81, 0x00, 0x00]),
        MalformedHeader(name: "high tag number, private", bytes: [0xDF, 0x20, 0x00]),
        MalformedHeader(name: "end-of-contents octets", bytes: [0x00, 0x00]),
        MalformedHeader(name: "constructed [UNIVERSAL 0]", bytes: [0x20, 0x00]),
        MalformedHeader(name: "identifier only", bytes: [0x30]),
        MalformedHeader(name: "truncated long-form length", bytes: [0x30, 0x82, 0x01]),
        MalformedHeader(name: "long-form length without its octets", bytes: [0x30, 0x81]),
        MalformedHeader(name: "truncated contents", bytes: [0x30, 0x03, 0x02, 0x01]),
        MalformedHeader(name: "a valid element followed by a truncated one", bytes: [0x05, 0x00, 0x02, 0x02, 0x01]),
    ]

    @Test("Malformed or truncated headers are rejected as malformedDER", arguments: malformedHeaders)
    func malformedHeadersRejected(_ header: MalformedHeader) {
        #expect(throws: CertificateRevocationError(.malformedDER, "")) {
            _ = try elements(header.bytes)
        }
    }

    @Test("A child element may not run past the end of its parent even when the buffer continues")
    func childBoundedByParent() throws {
        // The SEQUENCE holds 3 octets, but its INTEGER claims 5.
        let bytes: [UInt8] = [0x30, 0x03, 0x02, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05]
        try bytes.withUnsafeBufferPointer { buffer in
            var cursor = DERCursor(buffer)
            let outer = try #require(try cursor.next())
            var children = cursor.children(of: outer)
            #expect(throws: CertificateRevocationError(.malformedDER, "")) {
                _ = try children.next()
            }
        }
    }

    @Test("Children are walked in order and an OPTIONAL read consumes nothing when the tag does not match")
    func childrenAndOptionalReads() throws {
        let bytes: [UInt8] = [0x30, 0x08, 0x02, 0x01, 0x01, 0x17, 0x00, 0x04, 0x01, 0xAA]
        try bytes.withUnsafeBufferPointer { buffer in
            var cursor = DERCursor(buffer)
            let outer = try cursor.next(expecting: 0x30, "outer")
            #expect(cursor.isAtEnd)
            var children = cursor.children(of: outer)
            #expect(try children.next(if: { $0.tag == 0x04 }) == nil)
            #expect(children.peekTag() == 0x02)
            #expect(try children.next(if: { $0.tag == 0x02 })?.content == 4..<5)
            #expect(try children.next()?.tag == 0x17)
            #expect(throws: CertificateRevocationError(.malformedDER, "")) {
                _ = try children.next(expecting: 0x02, "last")
            }
            #expect(children.isAtEnd)
            #expect(try children.next() == nil)
        }
    }

    @Test("INTEGER magnitudes follow swift-asn1's unsigned decoding", arguments: [
        ([0x02, 0x01, 0x05], [0x05]),
        ([0x02, 0x01, 0x00], []),
        ([0x02, 0x02, 0x00, 0x80], [0x80]),
        ([0x02, 0x03, 0x01, 0x00, 0x00], [0x01, 0x00, 0x00]),
    ] as [([UInt8], [UInt8])])
    func integerMagnitudes(encoding: [UInt8], expected: [UInt8]) throws {
        #expect(try magnitude(encoding) == expected)
        let reference = try ArraySlice<UInt8>(derEncoded: encoding)
        #expect(Array(reference) == expected)
    }

    @Test("Malformed or negative INTEGERs are rejected like swift-asn1 rejects them", arguments: [
        [0x02, 0x00], [0x02, 0x02, 0x00, 0x7F], [0x02, 0x02, 0xFF, 0x80], [0x02, 0x01, 0x80], [0x02, 0x01, 0xFF],
        [0x22, 0x03, 0x02, 0x01, 0x01], [0x04, 0x01, 0x01],
    ] as [[UInt8]])
    func malformedIntegers(encoding: [UInt8]) {
        #expect(throws: CertificateRevocationError(.malformedDER, "")) {
            _ = try magnitude(encoding)
        }
        #expect(throws: (any Error).self) {
            _ = try ArraySlice<UInt8>(derEncoded: encoding)
        }
    }

    @Test("On random primitive headers the cursor accepts exactly what swift-asn1's DER parser accepts")
    func agreesWithSwiftASN1OnRandomHeaders() throws {
        var rng = SeededGenerator(seed: 0xC0FFEE)
        var accepted = 0
        for _ in 0..<4000 {
            let bytes = Self.randomPrimitive(using: &rng)
            let cursorResult = try? elements(bytes)
            let reference = try? DER.parse(bytes)
            #expect((cursorResult?.count == 1) == (reference != nil), "bytes \(bytes.prefix(12))")
            if let element = cursorResult?.first, let reference {
                #expect(Array(bytes[element.range]) == Array(reference.encodedBytes))
                accepted += 1
            }
        }
        #expect(accepted > 200)
    }

    /// An OCTET STRING header with a length in a random (often wrong) form, then 0...300 content octets.
    private static func randomPrimitive(using rng: inout SeededGenerator) -> [UInt8] {
        let contentCount = Int.random(in: 0...300, using: &rng)
        let declared = Bool.random(using: &rng) ? contentCount : Int.random(in: 0...300, using: &rng)
        var lengthOctets: [UInt8]
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where declared < 0x80:
            lengthOctets = [UInt8(declared)]
        case 1:
            lengthOctets = [0x81, UInt8(truncatingIfNeeded: declared)]
        case 2:
            lengthOctets = [0x82, UInt8(truncatingIfNeeded: declared >> 8), UInt8(truncatingIfNeeded: declared)]
        case 3:
            lengthOctets = [0x80]
        case 4:
            lengthOctets = [UInt8.random(in: 0x80...0xFF, using: &rng)]
                + (0..<Int.random(in: 0...9, using: &rng)).map { _ in UInt8.random(in: 0...2, using: &rng) }
        default:
            lengthOctets = declared < 0x80 ? [UInt8(declared)] : [0x82, UInt8(declared >> 8), UInt8(truncatingIfNeeded: declared)]
        }
        let content = (0..<contentCount).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return [0x04] + lengthOctets + content
    }
}

/// SplitMix64: a small deterministic generator so failures reproduce from their seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
