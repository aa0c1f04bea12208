import JOSE

extension PASSporTClaims {
    /// Writes the claims as canonical JSON (RFC 8225 §9): members in code-point order of their
    /// names at every depth, arrays in `dest` and `mky` sorted, no whitespace.
    ///
    /// - Throws: ``PASSporTError/Code/invalidClaim`` when an additional claim reuses a name this
    ///   type interprets, or when `rcd` is empty.
    public func write(to writer: inout CanonicalJSONWriter) throws(PASSporTError) {
        writer.beginObject()
        var extra = additionalClaims.members[...]
        for claim in KnownClaim.allCases {
            while let next = extra.first, JSONObject.precedes(next.name, claim.rawValue) {
                writer.name(next.name)
                writer.value(next.value)
                extra.removeFirst()
            }
            if let next = extra.first, next.name == claim.rawValue {
                throw PASSporTError(code: .invalidClaim, reason: "additional claim \(next.name) duplicates a known claim")
            }
            try write(claim, to: &writer)
        }
        for member in extra {
            writer.name(member.name)
            writer.value(member.value)
        }
        writer.endObject()
    }

    /// The canonical JSON bytes of the claims (RFC 8225 §9).
    ///
    /// - Throws: as ``write(to:)``.
    public func canonicalJSON() throws(PASSporTError) -> [UInt8] {
        var writer = CanonicalJSONWriter(reservingCapacity: 256)
        try write(to: &writer)
        return writer.bytes
    }

    private func write(_ claim: KnownClaim, to writer: inout CanonicalJSONWriter) throws(PASSporTError) {
        switch claim {
        case .attest:
            if let attest { writer.name("attest"); writer.string(attest.rawValue) }
        case .crn:
            if let crn { writer.name("crn"); writer.string(crn) }
        case .dest:
            writer.name("dest")
            writer.beginObject()
            if !dest.telephoneNumbers.isEmpty { writeStrings("tn", dest.telephoneNumbers, to: &writer) }
            if !dest.uris.isEmpty { writeStrings("uri", dest.uris, to: &writer) }
            writer.endObject()
        case .div:
            if let div { writeIdentity("div", div, to: &writer) }
        case .iat:
            writer.name("iat")
            writer.integer(iat)
        case .mky:
            if let mky {
                writer.name("mky")
                writer.beginArray()
                for key in mky.sorted() {
                    writer.beginObject()
                    writer.name("alg"); writer.string(key.algorithm)
                    writer.name("dig"); writer.string(key.digest)
                    writer.endObject()
                }
                writer.endArray()
            }
        case .orig:
            writeIdentity("orig", orig, to: &writer)
        case .origid:
            if let origid { writer.name("origid"); writer.string(origid) }
        case .rcd:
            if let rcd { writer.name("rcd"); writer.value(.object(try rcd.jsonObject)) }
        case .rcdi:
            if let rcdi {
                writer.name("rcdi")
                writer.beginObject()
                for entry in rcdi.sorted(by: { JSONObject.precedes($0.key, $1.key) }) {
                    writer.name(entry.key)
                    writer.string(entry.value)
                }
                writer.endObject()
            }
        }
    }

    private func writeIdentity(_ name: String, _ identity: PASSporTIdentity, to writer: inout CanonicalJSONWriter) {
        writer.name(name)
        writer.beginObject()
        writer.name(identity.kind.rawValue)
        writer.string(identity.value)
        writer.endObject()
    }

    private func writeStrings(_ name: String, _ values: [String], to writer: inout CanonicalJSONWriter) {
        writer.name(name)
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
    }
}
