import JOSE

/// A JSON document as the CLI prints it (RFC 8259): members keep the order in which commands add them,
/// so the output reads in a fixed, documented shape.
public indirect enum JSONOutput: Hashable, Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// A number kept as its literal text.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array.
    case array([JSONOutput])
    /// An object with ordered members.
    case object([Member])

    /// One object member.
    public struct Member: Hashable, Sendable {
        /// The member name.
        public let name: String
        /// The member value.
        public let value: JSONOutput

        /// Creates a member.
        public init(_ name: String, _ value: JSONOutput) {
            self.name = name
            self.value = value
        }
    }

    /// Converts a parsed JOSE JSON value (used for PASSporT headers and claims).
    public init(_ value: JSONValue) {
        switch value {
        case .object(let object): self = .object(object.map { Member($0.name, JSONOutput($0.value)) })
        case .array(let array): self = .array(array.map(JSONOutput.init))
        case .string(let string): self = .string(string)
        case .integer(let integer): self = .integer(integer)
        case .decimal(let text): self = .number(text)
        case .bool(let bool): self = .bool(bool)
        case .null: self = .null
        }
    }

    /// An optional string, or `null`.
    static func optional(_ string: String?) -> JSONOutput {
        string.map(JSONOutput.string) ?? .null
    }

    /// The value of member `name` when this is an object.
    public subscript(name: String) -> JSONOutput? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }

    /// Indented text with two spaces per level.
    public func prettyPrinted() -> String {
        var text = ""
        write(to: &text, indent: 0)
        return text
    }

    private func write(to text: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        let closePad = String(repeating: " ", count: indent)
        switch self {
        case .string(let string): Self.writeString(string, to: &text)
        case .integer(let integer): text += String(integer)
        case .number(let literal): text += literal
        case .bool(let bool): text += bool ? "true" : "false"
        case .null: text += "null"
        case .array(let elements):
            guard !elements.isEmpty else {
                text += "[]"
                return
            }
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += pad
                element.write(to: &text, indent: indent + 2)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += pad
                Self.writeString(member.name, to: &text)
                text += ": "
                member.value.write(to: &text, indent: indent + 2)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += closePad + "}"
        }
    }

    /// Writes a JSON string literal, escaping `"`, `\` and control characters (RFC 8259 §7).
    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension JSONOutput: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}
