/// A JSON value (RFC 8259 §3) as produced by ``StrictJSONParser`` and consumed by ``CanonicalJSON``.
///
/// Numbers keep their exact meaning: an integer literal without fraction or exponent that fits in
/// 64 bits is ``integer(_:)``; every other number keeps its literal text in ``decimal(_:)`` so that
/// nothing is rounded through `Double` (RFC 8259 §6).
public enum JSONValue: Hashable, Sendable {
    /// An object, with members held in code-point order of their names (RFC 8259 §4).
    case object(JSONObject)
    /// An array (RFC 8259 §5).
    case array([JSONValue])
    /// A string (RFC 8259 §7).
    case string(String)
    /// An integer number without fraction or exponent that fits in `Int64` (RFC 8259 §6).
    case integer(Int64)
    /// Any other number, as its literal text, e.g. `1.5`, `1e3`, or `18446744073709551616` (RFC 8259 §6).
    case decimal(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The object, if this value is one.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array, if this value is one.
    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The string, if this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The integer, if this value is an ``integer(_:)``.
    public var integerValue: Int64? {
        if case .integer(let integer) = self { return integer }
        return nil
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .integer, .decimal: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}
