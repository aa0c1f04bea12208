extension TNScope {
    /// Decides whether `child` is equal to or a subset of this (parent) scope (RFC 9060 §4).
    ///
    /// - Codes: a child SPC is covered only by the same SPC in the parent.
    /// - Numbers: covered by the union of the parent's numbers of the same length, so a child range
    ///   split across two touching parent ranges is encompassed; `*`/`#` numbers only by themselves.
    /// - Numbers not covered while the parent holds SPCs are ``Encompassing/unprovable(numbers:underSPCs:)``
    ///   unless a child code is also uncovered, which makes the whole result
    ///   ``Encompassing/notEncompassed(uncovered:)``.
    ///
    /// Runs in O(n log n) for building the scopes and linear time for the comparison.
    public func encompasses(_ child: TNScope) -> Encompassing {
        let uncovered = child.subtracting(self)
        if uncovered.isEmpty {
            return .encompassed
        }
        if uncovered.spcs.isEmpty && !spcs.isEmpty {
            return .unprovable(numbers: uncovered.entries, underSPCs: spcs)
        }
        return .notEncompassed(uncovered: uncovered.entries)
    }

    /// Decides encompassing like ``encompasses(_:)``, first expanding each parent SPC into the numbers
    /// `inventory` says it holds (ATIS-1000092 §6.2: the binding of numbers to an SPC comes from
    /// number-inventory data, not from the certificate).
    ///
    /// The inventory is consulted only when child numbers are left uncovered. Codes in the scopes the
    /// inventory returns are ignored; only their numbers count. Numbers still uncovered stay
    /// ``Encompassing/unprovable(numbers:underSPCs:)`` under the codes the inventory could not resolve
    /// (it returned `nil`); when every code was resolved they are
    /// ``Encompassing/notEncompassed(uncovered:)``. The caller decides whether unprovable fails.
    ///
    /// - Parameters:
    ///   - child: The delegate certificate's scope.
    ///   - inventory: The TN inventory source.
    /// - Throws: Whatever `inventory` throws.
    public func encompasses(_ child: TNScope, inventory: any TNInventory) async throws -> Encompassing {
        let direct = encompasses(child)
        guard case .unprovable = direct else {
            return direct
        }
        var expanded = self
        var unresolved: Set<ServiceProviderCode> = []
        for code in spcs.sorted() {
            if let held = try await inventory.numbers(heldBy: code) {
                expanded = expanded.union(held.numbersOnly)
            } else {
                unresolved.insert(code)
            }
        }
        let remaining = child.subtracting(expanded)
        if remaining.isEmpty {
            return .encompassed
        }
        if unresolved.isEmpty {
            return .notEncompassed(uncovered: remaining.entries)
        }
        return .unprovable(numbers: remaining.entries, underSPCs: unresolved)
    }
}
