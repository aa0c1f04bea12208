import JOSE

extension PASSporTClaims {
    /// Reads claims straight from the payload's JSON bytes when they have the usual SHAKEN shape
    /// (RFC 8225 §5, RFC 8588 §4): `iat` an integer, `orig` `{"tn":"…"}` or `{"uri":"…"}`, `dest`
    /// an object of `tn` and/or `uri` string arrays, `attest`, `origid` and `crn` strings, each
    /// member once, names and strings plain ASCII. Members this type does not interpret are parsed
    /// by the strict parser's rules into ``additionalClaims``.
    ///
    /// Returns `nil` for anything else, valid or not, and for any value ``init(jsonObject:)``
    /// would refuse; that initializer over the strict parser's tree then decides, so the accepted
    /// inputs, the results and the errors are those of that path.
    static func directlyParsed(_ bytes: [UInt8], limits: StrictJSONParser) -> PASSporTClaims? {
        bytes.withUnsafeBufferPointer { input -> PASSporTClaims? in
            var reader = JSONFieldReader(input: input, limits: limits)
            guard reader.beginObject(), !reader.endEmptyObject() else { return nil }
            var iat: Int64?
            var orig: PASSporTIdentity?
            var dest: DestinationIdentities?
            var attest: String?
            var origid: String?
            var crn: String?
            var others: [JSONObject.Member] = []
            repeat {
                guard let name = reader.name() else { return nil }
                switch ClaimName(name) {
                case .iat where iat == nil:
                    guard let value = reader.integer() else { return nil }
                    iat = value
                case .orig where orig == nil:
                    guard let value = Self.directIdentity(&reader) else { return nil }
                    orig = value
                case .dest where dest == nil:
                    guard let value = Self.directDestination(&reader) else { return nil }
                    dest = value
                case .attest where attest == nil:
                    guard let value = reader.string() else { return nil }
                    attest = value
                case .origid where origid == nil:
                    guard let value = reader.string() else { return nil }
                    origid = value
                case .crn where crn == nil:
                    guard let value = reader.string() else { return nil }
                    crn = value
                case .other:
                    let text = String(decoding: name, as: UTF8.self)
                    guard KnownClaim(rawValue: text) == nil, let value = reader.value(depth: 1) else { return nil }
                    others.append(JSONObject.Member(text, value))
                default: return nil  // a repeated claim
                }
                guard let more = reader.next(closing: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            } while true
            guard reader.isAtEnd(), let iat, let orig, let dest else { return nil }
            var claims = PASSporTClaims(iat: iat, orig: orig, dest: dest, origid: origid, crn: crn)
            if let attest {
                guard let level = Attestation(rawValue: attest) else { return nil }
                claims.attest = level
            }
            if !others.isEmpty {
                // Sorts the members and refuses a repeated name, as the strict parser does.
                guard let object = try? JSONObject(others) else { return nil }
                claims.additionalClaims = object
            }
            return claims
        }
    }

    /// `{"tn":"…"}` or `{"uri":"…"}` with a valid value (RFC 8225 §5.2.1).
    private static func directIdentity(_ reader: inout JSONFieldReader) -> PASSporTIdentity? {
        guard reader.beginObject(), !reader.endEmptyObject(), let name = reader.name(), let value = reader.string(),
            reader.next(closing: UInt8(ascii: "}")) == false
        else { return nil }
        switch ClaimName(name) {
        case .tn: return try? .telephoneNumber(value)
        case .uri: return try? .uri(value)
        default: return nil
        }
    }

    /// `{"tn":[…],"uri":[…]}` with string elements, each member once (RFC 8225 §5.2.1).
    private static func directDestination(_ reader: inout JSONFieldReader) -> DestinationIdentities? {
        guard reader.beginObject(), !reader.endEmptyObject() else { return nil }
        var numbers: [String]?
        var uris: [String]?
        repeat {
            guard let name = reader.name() else { return nil }
            switch ClaimName(name) {
            case .tn where numbers == nil:
                guard let values = directStrings(&reader) else { return nil }
                numbers = values
            case .uri where uris == nil:
                guard let values = directStrings(&reader) else { return nil }
                uris = values
            default: return nil
            }
            guard let more = reader.next(closing: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        } while true
        return try? DestinationIdentities(telephoneNumbers: numbers ?? [], uris: uris ?? [])
    }

    private static func directStrings(_ reader: inout JSONFieldReader) -> [String]? {
        guard reader.beginArray() else { return nil }
        var values: [String] = []
        if reader.endEmptyArray() { return values }
        repeat {
            guard let value = reader.string() else { return nil }
            values.append(value)
            guard let more = reader.next(closing: UInt8(ascii: "]")) else { return nil }
            if !more { break }
        } while true
        return values
    }

    /// The member names read directly.
    private enum ClaimName {
        case iat, orig, dest, attest, origid, crn, tn, uri, other

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            if Self.matches(bytes, "tn") {
                self = .tn
            } else if Self.matches(bytes, "iat") {
                self = .iat
            } else if Self.matches(bytes, "orig") {
                self = .orig
            } else if Self.matches(bytes, "dest") {
                self = .dest
            } else if Self.matches(bytes, "attest") {
                self = .attest
            } else if Self.matches(bytes, "origid") {
                self = .origid
            } else if Self.matches(bytes, "uri") {
                self = .uri
            } else if Self.matches(bytes, "crn") {
                self = .crn
            } else {
                self = .other
            }
        }

        private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
            bytes.count == text.utf8CodeUnitCount && memcmpEqual(bytes, text)
        }

        private static func memcmpEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
            let start = text.utf8Start
            for index in 0..<bytes.count where bytes[index] != start[index] { return false }
            return true
        }
    }
}
