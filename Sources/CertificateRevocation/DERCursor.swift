/// One DER element located by ``DERCursor``: its identifier octet and where its header and contents lie.
///
/// Offsets are positions in the buffer the cursor reads (X.690 §8.1.1: identifier, length, contents octets).
struct DERElement: Hashable, Sendable {
    /// The identifier octet (X.690 §8.1.2.2): class, primitive/constructed bit and a tag number below 31.
    var tag: UInt8
    /// Offset of the identifier octet.
    var start: Int
    /// Offset of the first contents octet.
    var contentStart: Int
    /// Offset just past the last contents octet.
    var end: Int

    /// The whole encoding: identifier, length and contents octets.
    var range: Range<Int> { start..<end }
    /// The contents octets.
    var content: Range<Int> { contentStart..<end }
    /// The number of contents octets.
    var contentCount: Int { end - contentStart }

    /// Whether the tag is universal `number`, whatever its primitive/constructed bit (ASN.1 identifiers
    /// compare class and number only, X.690 §8.1.2).
    func hasUniversalTag(_ number: UInt8) -> Bool {
        tag & 0xDF == number
    }
}

/// A strict, non-recursive reader of DER element headers (X.690 §8.1.2, §8.1.3, §10.1).
///
/// It walks the elements of one constructed value in order, without building a tree, and is used only for the
/// hot path of a CRL: the `revokedCertificates` SEQUENCE OF, which can hold millions of entries
/// (RFC 5280 §5.1.2.6). Every other structure is decoded with swift-asn1.
///
/// Accepted: low-tag-number identifiers (tag numbers 1...30), short-form lengths and long-form lengths in the
/// fewest octets (X.690 §10.1), contents that lie entirely inside the enclosing value. Rejected with
/// ``CertificateRevocationError/Code/malformedDER``: high-tag-number identifiers, the reserved tag 0
/// (end-of-contents), the indefinite form (X.690 §10.1), the reserved length octet 0xFF, non-minimal long forms,
/// lengths running past the enclosing value and truncated headers.
struct DERCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next element's identifier octet.
    private(set) var position: Int
    /// Offset just past the enclosing value's contents.
    let end: Int

    /// A cursor over all of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// Whether every element of the enclosing value has been read.
    var isAtEnd: Bool {
        position >= end
    }

    /// A cursor over the contents of `element`, which this cursor (or one of its children) returned.
    func children(of element: DERElement) -> DERCursor {
        DERCursor(bytes, range: element.content)
    }

    /// The identifier octet of the next element, without consuming it; `nil` at the end.
    func peekTag() -> UInt8? {
        isAtEnd ? nil : bytes[position]
    }

    /// Reads the next element's header and moves past the whole element; `nil` at the end.
    /// - Throws: ``CertificateRevocationError/Code/malformedDER`` when the header is not strict DER or the
    ///   element does not fit in the enclosing value.
    mutating func next() throws -> DERElement? {
        guard position < end else {
            return nil
        }
        let start = position
        let tag = bytes[start]
        guard tag & 0x1F != 0x1F else {
            throw CertificateRevocationError(.malformedDER, "high tag number form at offset \(start) is not expected here")
        }
        guard tag & 0x1F != 0 || tag & 0xC0 != 0 else {
            throw CertificateRevocationError(.malformedDER, "end-of-contents or [UNIVERSAL 0] at offset \(start)")
        }
        guard start + 1 < end else {
            throw CertificateRevocationError(.malformedDER, "truncated length at offset \(start + 1)")
        }
        let first = bytes[start + 1]
        var contentStart = start + 2
        let length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            length = try readLongFormLength(first, at: &contentStart)
        }
        guard length <= end - contentStart else {
            throw CertificateRevocationError(
                .malformedDER,
                "length \(length) at offset \(start + 1) runs past the enclosing value"
            )
        }
        position = contentStart + length
        return DERElement(tag: tag, start: start, contentStart: contentStart, end: position)
    }

    /// Reads the next element only when `matches` accepts it (an OPTIONAL field); otherwise nothing is consumed.
    mutating func next(if matches: (DERElement) -> Bool) throws -> DERElement? {
        var lookahead = self
        guard let element = try lookahead.next(), matches(element) else {
            return nil
        }
        self = lookahead
        return element
    }

    /// Reads the next element and checks its identifier octet.
    /// - Parameters:
    ///   - tag: The expected identifier octet.
    ///   - what: The field name for error messages.
    mutating func next(expecting tag: UInt8, _ what: String) throws -> DERElement {
        guard let element = try next() else {
            throw CertificateRevocationError(.malformedDER, "\(what) is missing")
        }
        guard element.tag == tag else {
            throw CertificateRevocationError(
                .malformedDER,
                "\(what) has identifier 0x\(String(element.tag, radix: 16)), expected 0x\(String(tag, radix: 16))"
            )
        }
        return element
    }

    /// Decodes a long-form length (X.690 §8.1.3.5) whose initial octet is `first`, in the fewest octets.
    private func readLongFormLength(_ first: UInt8, at contentStart: inout Int) throws -> Int {
        let lengthOffset = contentStart - 1
        guard first != 0x80 else {
            throw CertificateRevocationError(.malformedDER, "indefinite length at offset \(lengthOffset) is not DER")
        }
        let octets = Int(first & 0x7F)
        // 0xFF is reserved (X.690 §8.1.3.5 c); more octets than an Int holds cannot describe a real buffer.
        guard octets <= MemoryLayout<Int>.size else {
            throw CertificateRevocationError(.malformedDER, "length of \(octets) octets at offset \(lengthOffset)")
        }
        guard octets <= end - contentStart else {
            throw CertificateRevocationError(.malformedDER, "truncated length at offset \(lengthOffset)")
        }
        guard bytes[contentStart] != 0 else {
            throw CertificateRevocationError(.malformedDER, "length at offset \(lengthOffset) has a leading zero octet")
        }
        var length = 0
        for index in contentStart..<(contentStart + octets) {
            guard length <= Int.max >> 8 else {
                throw CertificateRevocationError(.malformedDER, "length at offset \(lengthOffset) overflows")
            }
            length = length << 8 | Int(bytes[index])
        }
        guard length >= 0x80 else {
            throw CertificateRevocationError(
                .malformedDER,
                "length \(length) at offset \(lengthOffset) must use the short form (X.690 §10.1)"
            )
        }
        contentStart += octets
        return length
    }
}

extension DERCursor {
    /// The magnitude octets of a non-negative INTEGER (X.690 §8.3), as swift-asn1 decodes an unsigned
    /// `ArraySlice<UInt8>`: at least one contents octet, the fewest octets (X.690 §8.3.2), not negative, and a
    /// leading 0x00 sign octet dropped.
    /// - Throws: ``CertificateRevocationError/Code/malformedDER``.
    func unsignedIntegerMagnitude(_ element: DERElement) throws -> Range<Int> {
        guard element.tag == 0x02 else {
            throw CertificateRevocationError(
                .malformedDER,
                "expected an INTEGER, found identifier 0x\(String(element.tag, radix: 16))"
            )
        }
        guard element.contentCount > 0 else {
            throw CertificateRevocationError(.malformedDER, "INTEGER with no contents octets")
        }
        let first = bytes[element.contentStart]
        if element.contentCount > 1 {
            let second = bytes[element.contentStart + 1]
            guard !(first == 0x00 && second & 0x80 == 0), !(first == 0xFF && second & 0x80 != 0) else {
                throw CertificateRevocationError(.malformedDER, "INTEGER not encoded in the fewest octets")
            }
        }
        guard first & 0x80 == 0 else {
            throw CertificateRevocationError(.malformedDER, "negative INTEGER where a non-negative one is required")
        }
        return first == 0x00 ? (element.contentStart + 1)..<element.end : element.content
    }

    /// Whether the whole encoding of `element` equals `expected`.
    func encoding(of element: DERElement, equals expected: [UInt8]) -> Bool {
        guard element.end - element.start == expected.count else {
            return false
        }
        return UnsafeBufferPointer(rebasing: bytes[element.range]).elementsEqual(expected)
    }

    /// The contents octets of `element`.
    func contents(of element: DERElement) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[element.content])
    }
}
