extension Encompassing: CustomStringConvertible {
    /// A sentence for people: `encompassed`, `not encompassed: spc:1234, range:12025550200+5`, or
    /// `unprovable: range:12025550110+10 under SPC 5678` (entries as ``TNEntry/description``, codes sorted).
    public var description: String {
        switch self {
        case .encompassed:
            "encompassed"
        case .notEncompassed(let uncovered):
            "not encompassed: " + uncovered.map(\.description).joined(separator: ", ")
        case .unprovable(let numbers, let codes):
            "unprovable: " + numbers.map(\.description).joined(separator: ", ")
                + " under SPC " + codes.map(\.value).sorted().joined(separator: ", ")
        }
    }
}
