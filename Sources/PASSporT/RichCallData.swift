import JOSE

/// The `rcd` claim: Rich Call Data shown to the called party (RFC 9795 §6).
///
/// Members: `nam` (display name), `jcd` (inline jCard, RFC 7095), `jcl` (URL of a jCard),
/// `icn` (icon URL), `apn` (alternate presentation number). Other members are kept so that a
/// received object is represented completely, but they carry no meaning here.
public struct RichCallData: Hashable, Sendable {
    /// The display name, `nam`.
    public var name: String?
    /// An inline jCard array, `jcd`.
    public var jCard: JSONValue?
    /// A URL referencing a jCard, `jcl`.
    public var jCardURL: String?
    /// An icon URL, `icn`.
    public var iconURL: String?
    /// An alternate presentation number, `apn`.
    public var alternatePresentationNumber: String?
    /// Members this library does not interpret.
    public var additionalMembers: JSONObject

    /// Creates Rich Call Data; at least one member must be set to sign it.
    public init(
        name: String? = nil,
        jCard: JSONValue? = nil,
        jCardURL: String? = nil,
        iconURL: String? = nil,
        alternatePresentationNumber: String? = nil,
        additionalMembers: JSONObject = JSONObject()
    ) {
        self.name = name
        self.jCard = jCard
        self.jCardURL = jCardURL
        self.iconURL = iconURL
        self.alternatePresentationNumber = alternatePresentationNumber
        self.additionalMembers = additionalMembers
    }

    /// The member names this type interprets, in code-point order.
    static let knownNames = ["apn", "icn", "jcd", "jcl", "nam"]

    /// The claim as a JSON object.
    var jsonObject: JSONObject {
        get throws(PASSporTError) {
            var members = additionalMembers.members
            if let name { members.append(.init("nam", .string(name))) }
            if let jCard { members.append(.init("jcd", jCard)) }
            if let jCardURL { members.append(.init("jcl", .string(jCardURL))) }
            if let iconURL { members.append(.init("icn", .string(iconURL))) }
            if let alternatePresentationNumber { members.append(.init("apn", .string(alternatePresentationNumber))) }
            guard !members.isEmpty else { throw PASSporTError(code: .invalidClaim, reason: "rcd must not be empty") }
            do {
                return try JSONObject(members)
            } catch {
                throw PASSporTError(code: .invalidClaim, reason: "rcd additional member repeats a known member name")
            }
        }
    }

    /// Reads the claim from its JSON object (RFC 9795 §6).
    init(jsonObject object: JSONObject) throws(PASSporTError) {
        guard !object.isEmpty else { throw PASSporTError(code: .invalidClaim, reason: "rcd must not be empty") }
        func string(_ name: String) throws(PASSporTError) -> String? {
            guard let value = object[name] else { return nil }
            guard let text = value.stringValue else {
                throw PASSporTError(code: .invalidClaim, reason: "rcd member \(name) must be a string, not \(value.typeName)")
            }
            return text
        }
        name = try string("nam")
        jCardURL = try string("jcl")
        iconURL = try string("icn")
        alternatePresentationNumber = try string("apn")
        if let card = object["jcd"] {
            guard card.arrayValue != nil else {
                throw PASSporTError(code: .invalidClaim, reason: "rcd member jcd must be a jCard array")
            }
            jCard = card
        } else {
            jCard = nil
        }
        additionalMembers = JSONObject(sortedUniqueMembers: object.members.filter { !Self.knownNames.contains($0.name) })
    }
}
