import JOSE

extension PASSporTHeader {
    /// Reads a header straight from its JSON bytes when it has the usual shape: an object of
    /// `alg`, `typ`, `x5u` and optionally `ppt`, each once, with plain ASCII string values
    /// (RFC 8225 §4, RFC 8588 §3), and `alg`, `typ` and `ppt` values that are accepted.
    ///
    /// Returns `nil` for anything else, valid or not; ``init(jsonObject:)`` over the strict parser's
    /// tree then decides, so the accepted inputs, the results and the errors are those of that path.
    static func directlyParsed(_ bytes: [UInt8], limits: StrictJSONParser) -> PASSporTHeader? {
        bytes.withUnsafeBufferPointer { input -> PASSporTHeader? in
            var reader = JSONFieldReader(input: input, limits: limits)
            guard reader.beginObject(), !reader.endEmptyObject() else { return nil }
            var alg: String?
            var typ: String?
            var ppt: String?
            var x5u: String?
            repeat {
                guard let name = reader.name(), let value = reader.string() else { return nil }
                switch FieldName(name) {
                case .alg where alg == nil: alg = value
                case .typ where typ == nil: typ = value
                case .ppt where ppt == nil: ppt = value
                case .x5u where x5u == nil: x5u = value
                default: return nil  // a repeated, ignored or forbidden parameter
                }
                guard let more = reader.next(closing: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            } while true
            guard reader.isAtEnd(), alg == algorithm, typ == type, let x5u, !x5u.isEmpty else { return nil }
            guard let ppt else { return PASSporTHeader(ppt: nil, x5u: x5u) }
            guard let known = PASSporTExtension(rawValue: ppt) else { return nil }
            return PASSporTHeader(ppt: known, x5u: x5u)
        }
    }

    /// The header parameters read directly.
    private enum FieldName {
        case alg, typ, ppt, x5u, other

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count == 3 else {
                self = .other
                return
            }
            switch (bytes[0], bytes[1], bytes[2]) {
            case (0x61, 0x6C, 0x67): self = .alg  // "alg"
            case (0x74, 0x79, 0x70): self = .typ  // "typ"
            case (0x70, 0x70, 0x74): self = .ppt  // "ppt"
            case (0x78, 0x35, 0x75): self = .x5u  // "x5u"
            default: self = .other
            }
        }
    }
}
