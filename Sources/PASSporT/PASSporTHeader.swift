import JOSE

/// The protected header of a PASSporT (RFC 8225 §4, RFC 8588 §3).
///
/// `alg` is always `ES256` and `typ` always `passport`; only ``ppt`` and ``x5u`` vary. Canonical
/// form (RFC 8225 §9): `{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"https://…"}`.
public struct PASSporTHeader: Hashable, Sendable {
    /// The only accepted `alg` (RFC 8225 §3, RFC 8588 §6).
    public static let algorithm = ES256.algorithm
    /// The `typ` value (RFC 8225 §4.1).
    public static let type = "passport"
    /// Header parameters that would let the token choose its own verification key.
    static let forbiddenParameters = ["jku", "jwk", "x5c"]

    /// The PASSporT extension, `ppt`; `nil` for a base PASSporT (RFC 8225 §8.1).
    public var ppt: PASSporTExtension?
    /// The URL of the signer's certificate (chain), `x5u` (RFC 8225 §4.3).
    public var x5u: String

    /// Creates a header.
    public init(ppt: PASSporTExtension?, x5u: String) {
        self.ppt = ppt
        self.x5u = x5u
    }

    /// Reads and checks a parsed header object.
    ///
    /// Checks, in order: `alg` (present → ``PASSporTError/Code/missingHeaderParameter``;
    /// `ES256` → ``PASSporTError/Code/unsupportedAlgorithm``), `typ` (`passport` →
    /// ``PASSporTError/Code/unsupportedType``), `ppt` (known → ``PASSporTError/Code/unsupportedPPT``),
    /// no `jwk`/`x5c`/`jku` (``PASSporTError/Code/forbiddenHeader``), no `crit`
    /// (``PASSporTError/Code/unknownCritical``), `x5u` a non-empty string. Other parameters are ignored.
    public init(jsonObject object: JSONObject) throws(PASSporTError) {
        guard let alg = object["alg"] else {
            throw PASSporTError(code: .missingHeaderParameter, reason: "missing header parameter alg")
        }
        guard alg.stringValue == Self.algorithm else {
            throw PASSporTError(code: .unsupportedAlgorithm, reason: "alg \(Self.quoted(alg)) is not ES256")
        }
        guard let typ = object["typ"] else {
            throw PASSporTError(code: .missingHeaderParameter, reason: "missing header parameter typ")
        }
        guard typ.stringValue == Self.type else {
            throw PASSporTError(code: .unsupportedType, reason: "typ \(Self.quoted(typ)) is not passport")
        }
        if let value = object["ppt"] {
            guard let text = value.stringValue, let known = PASSporTExtension(rawValue: text) else {
                throw PASSporTError(code: .unsupportedPPT, reason: "ppt \(Self.quoted(value)) is not supported")
            }
            ppt = known
        } else {
            ppt = nil
        }
        for name in Self.forbiddenParameters where object.contains(name: name) {
            throw PASSporTError(code: .forbiddenHeader, reason: "header parameter \(name) is not allowed: the key comes from x5u")
        }
        guard !object.contains(name: "crit") else {
            throw PASSporTError(code: .unknownCritical, reason: "crit header parameter present; no extension is understood")
        }
        guard let x5uValue = object["x5u"] else {
            throw PASSporTError(code: .missingHeaderParameter, reason: "missing header parameter x5u")
        }
        guard let url = x5uValue.stringValue, !url.isEmpty else {
            throw PASSporTError(code: .invalidHeaderParameter, reason: "x5u must be a non-empty string")
        }
        x5u = url
    }

    private static func quoted(_ value: JSONValue) -> String {
        value.stringValue.map { "\"\($0)\"" } ?? "(a \(value.typeName))"
    }

    /// Writes the header as canonical JSON (RFC 8225 §9).
    public func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.name("alg")
        writer.string(Self.algorithm)
        if let ppt {
            writer.name("ppt")
            writer.string(ppt.rawValue)
        }
        writer.name("typ")
        writer.string(Self.type)
        writer.name("x5u")
        writer.string(x5u)
        writer.endObject()
    }

    /// The canonical JSON bytes of the header (RFC 8225 §9).
    public func canonicalJSON() -> [UInt8] {
        var writer = CanonicalJSONWriter(reservingCapacity: 128)
        write(to: &writer)
        return writer.bytes
    }
}
