extension ScopeLinkResult: CustomStringConvertible {
    /// The link and its verdict for people, e.g. `certificate 0 under certificate 1: unprovable:
    /// range:12025550110+10 under SPC 5678` (indices in chain order, 0 = leaf; RFC 9060 §4).
    public var description: String {
        "certificate \(childIndex) under certificate \(parentIndex): \(encompassing)"
    }
}
