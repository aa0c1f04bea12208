/// The members of a JSON object (RFC 8259 §4), unique by name and held in code-point order.
///
/// Names are compared by their UTF-8 bytes, which orders them by Unicode code point as RFC 7638 §3.3
/// and RFC 8225 §9 require for canonical serialization. Construction rejects duplicate names
/// (RFC 7515 §5.2, RFC 7519 §4), so an object never holds two members with the same name.
public struct JSONObject: Hashable, Sendable, RandomAccessCollection {
    /// One member: a name and its value.
    public struct Member: Hashable, Sendable {
        /// The member name.
        public var name: String
        /// The member value.
        public var value: JSONValue

        /// Creates a member.
        public init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// The members, sorted by the code points of their names.
    public private(set) var members: [Member]

    /// An empty object.
    public init() {
        members = []
    }

    /// Creates an object, sorting the members by name.
    ///
    /// - Throws: ``JOSEError/Code/duplicateKey`` when two members share a name.
    public init(_ members: [Member]) throws(JOSEError) {
        var sorted = members
        // Canonical input arrives sorted; only sort when it is not.
        if !Self.isStrictlyAscending(sorted) {
            sorted.sort { Self.precedes($0.name, $1.name) }
            for index in sorted.indices.dropFirst() where Self.codePointOrder(sorted[index - 1].name, sorted[index].name) == 0 {
                throw JOSEError(code: .duplicateKey, reason: "duplicate member name \"\(sorted[index].name)\"")
            }
        }
        self.members = sorted
    }

    /// Creates an object from members the caller already holds sorted and unique.
    package init(sortedUniqueMembers members: [Member]) {
        self.members = members
    }

    /// Whether `lhs` sorts before `rhs` in Unicode code-point order (RFC 7638 §3.3).
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        codePointOrder(lhs, rhs) < 0
    }

    private static func isStrictlyAscending(_ members: [Member]) -> Bool {
        for index in members.indices.dropFirst() where codePointOrder(members[index - 1].name, members[index].name) >= 0 {
            return false
        }
        return true
    }

    /// Compares two names by their UTF-8 bytes, which is code-point order: -1, 0 or 1.
    static func codePointOrder(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = Swift.min(left.count, right.count)
                var index = 0
                while index < common {
                    if left[index] != right[index] { return left[index] < right[index] ? -1 : 1 }
                    index += 1
                }
                return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
            }
        }
    }

    /// The value of the member named `name`, if present.
    public subscript(name: String) -> JSONValue? {
        var low = 0
        var high = members.count
        while low < high {
            let mid = (low + high) / 2
            let order = Self.codePointOrder(members[mid].name, name)
            if order == 0 { return members[mid].value }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Whether a member named `name` is present.
    public func contains(name: String) -> Bool { self[name] != nil }

    /// The member names in code-point order.
    public var names: [String] { members.map(\.name) }

    /// The position of the first member.
    public var startIndex: Int { members.startIndex }
    /// The position past the last member.
    public var endIndex: Int { members.endIndex }
    /// The member at `position`, in code-point order of names.
    public subscript(position: Int) -> Member { members[position] }
}
