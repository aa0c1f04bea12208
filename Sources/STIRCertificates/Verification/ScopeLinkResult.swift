import TNAuthList

/// The RFC 9060 §4 encompassing verdict for one (child, parent) link of a chain where both
/// certificates carry a TNAuthList (ATIS-1000092 §6.2, Figure 6.2).
public struct ScopeLinkResult: Hashable, Sendable {
    /// The child's index in ``ValidatedSTIChain/chain`` (0 = leaf).
    public let childIndex: Int
    /// The parent's index in ``ValidatedSTIChain/chain``; always `childIndex + 1`.
    public let parentIndex: Int
    /// The verdict; in strict mode, after consulting the TN inventory.
    public let encompassing: Encompassing

    /// Creates a link result.
    public init(childIndex: Int, parentIndex: Int, encompassing: Encompassing) {
        self.childIndex = childIndex
        self.parentIndex = parentIndex
        self.encompassing = encompassing
    }
}
