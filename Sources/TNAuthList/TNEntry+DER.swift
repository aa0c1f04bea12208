import SwiftASN1

// TNEntry ::= CHOICE {
//   spc   [0] ServiceProviderCode,       -- EXPLICIT: A0 len 16 len <ascii>
//   range [1] TelephoneNumberRange,      -- EXPLICIT: A1 len 30 len 16 .. 02 .. [extensions]
//   one   [2] TelephoneNumber }          -- EXPLICIT: A2 len 16 len <digits>

extension TNEntry: DERParseable, DERSerializable {
    /// Decodes one explicitly tagged entry (RFC 8226 §9, Appendix A: EXPLICIT TAGS).
    ///
    /// - Throws: ``TNAuthListError`` with code `implicitTag`, `unknownEntryTag`, `unexpectedStringType`,
    ///   `malformedDER` or a validation code of the entry's type.
    public init(derEncoded node: ASN1Node) throws {
        let identifier = node.identifier
        guard identifier.tagClass == .contextSpecific, identifier.tagNumber <= 2 else {
            throw TNAuthListError(.unknownEntryTag, "TNEntry tag \(identifier) is not [0], [1] or [2]")
        }
        guard case .constructed = node.content else {
            throw TNAuthListError(
                .implicitTag,
                "TNEntry tag [\(identifier.tagNumber)] is primitive; RFC 8226 uses explicit tags"
            )
        }
        let tagNumber = identifier.tagNumber
        self = try DER.explicitlyTagged(node, tagNumber: tagNumber, tagClass: .contextSpecific) { inner in
            switch tagNumber {
            case 0:
                return .spc(try ServiceProviderCode(try Self.ia5Text(inner, field: "ServiceProviderCode")))
            case 1:
                return .range(try Self.decodeRange(inner))
            default:
                return .tn(try TelephoneNumber(try Self.ia5Text(inner, field: "TelephoneNumber")))
            }
        }
    }

    /// Encodes the entry with its explicit context tag.
    public func serialize(into coder: inout DER.Serializer) throws {
        switch self {
        case .spc(let code):
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                try coder.serialize(try ASN1IA5String(code.value))
            }
        case .range(let range):
            try coder.serialize(explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(try ASN1IA5String(range.start.digits))
                    try coder.serialize(range.count)
                    for element in range.extensionElements {
                        coder.serializeRawBytes(element)
                    }
                }
            }
        case .tn(let number):
            try coder.serialize(explicitlyTaggedWithTagNumber: 2, tagClass: .contextSpecific) { coder in
                try coder.serialize(try ASN1IA5String(number.digits))
            }
        }
    }

    /// Reads an IA5String, rejecting other string types by name.
    private static func ia5Text(_ node: ASN1Node, field: String) throws -> String {
        guard node.identifier == .ia5String else {
            throw TNAuthListError(
                .unexpectedStringType,
                "\(field) must be an IA5String, found tag \(node.identifier)"
            )
        }
        return String(try ASN1IA5String(derEncoded: node))
    }

    /// TelephoneNumberRange ::= SEQUENCE { start TelephoneNumber, count INTEGER (2..MAX), ... }
    private static func decodeRange(_ node: ASN1Node) throws -> TelephoneNumberRange {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard let startNode = nodes.next() else {
                throw TNAuthListError(.malformedDER, "TelephoneNumberRange has no start")
            }
            let start = try TelephoneNumber(try ia5Text(startNode, field: "range start"))
            guard let countNode = nodes.next() else {
                throw TNAuthListError(.malformedDER, "TelephoneNumberRange has no count")
            }
            let count = try decodeCount(countNode)
            var extensionElements: [[UInt8]] = []
            while let element = nodes.next() {
                extensionElements.append(Array(element.encodedBytes))
            }
            return try TelephoneNumberRange(start: start, count: count, extensionElements: extensionElements)
        }
    }

    /// count INTEGER (2..MAX): negative and larger-than-Int values are range errors, not crashes.
    private static func decodeCount(_ node: ASN1Node) throws -> Int {
        guard node.identifier == .integer, case .primitive(let content) = node.content else {
            throw TNAuthListError(.malformedDER, "range count must be an INTEGER, found tag \(node.identifier)")
        }
        if let first = content.first, first & 0x80 != 0 {
            throw TNAuthListError(.invalidRange, "range count must be at least 2, not a negative number")
        }
        let magnitude = try ArraySlice<UInt8>(derEncoded: node)
        guard magnitude.count <= 8, let value = Int(exactly: try UInt64(derEncoded: node)) else {
            throw TNAuthListError(.invalidRange, "range count does not fit in a 64-bit signed integer")
        }
        return value
    }
}
