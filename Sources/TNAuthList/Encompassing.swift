/// The outcome of an RFC 9060 §4 encompassing check: is a delegate certificate's TNAuthList scope
/// equal to or a subset of its parent's?
public enum Encompassing: Hashable, Sendable {
    /// Every code and number of the child is in the parent.
    case encompassed

    /// Part of the child is provably outside the parent: a code the parent does not hold (an SPC is
    /// only encompassed by the same SPC, never by numbers), or numbers outside the parent's numbers
    /// while the parent holds no code. `uncovered` lists every uncovered code and the minimal number
    /// pieces outside the parent's numbers (e.g. only the part of a child range that sticks out).
    case notEncompassed(uncovered: [TNEntry])

    /// Every child code is in the parent, but some child numbers lie outside the parent's numbers
    /// while the parent holds service provider codes. Whether those numbers belong to the codes'
    /// numbering inventory cannot be proven from certificates alone (ATIS-1000092 §6.2, Figure 6.2);
    /// resolve it with ``TNScope/encompasses(_:inventory:)`` or local policy.
    case unprovable(numbers: [TNEntry], underSPCs: Set<ServiceProviderCode>)
}
