/// Canonical JSON serialization as required for PASSporT signing (RFC 8225 §9) and JWK
/// thumbprints (RFC 7638 §3.3): members in code-point order of their names at every depth, no
/// whitespace, minimal escaping (no escaped `/`), integers without exponent.
public enum CanonicalJSON {
    /// Serializes a value canonically to UTF-8 bytes.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.value(value)
        return writer.bytes
    }

    /// Whether `bytes` are exactly the canonical serialization of the JSON they contain.
    ///
    /// RFC 8225 §9 obliges signers to produce canonical bytes; verifiers check the received bytes
    /// and may use this to log non-canonical senders.
    /// - Throws: any ``StrictJSONParser`` error when `bytes` are not strict JSON.
    public static func isCanonical(_ bytes: [UInt8], parser: StrictJSONParser = StrictJSONParser()) throws(JOSEError) -> Bool {
        encode(try parser.parse(bytes)) == bytes
    }
}
