import TNAuthList

/// Two 10,000-entry TN lists: a parent of ranges and a child of numbers and ranges inside them
/// (RFC 9060 §4 encompassing, as checked between a delegate certificate and its issuer).
struct ScopeWorkload: Sendable {
    let parentEntries: [TNEntry]
    let childEntries: [TNEntry]
    let parent: TNScope
    let child: TNScope

    /// Parent entry `i` is the range 1200000000000 + 1000·i × 500; child entry `i` is a number
    /// (even `i`) or a 50-number range (odd `i`) inside parent range `i`, in shuffled order.
    init(entries: Int) throws {
        var parent: [TNEntry] = []
        var child: [TNEntry] = []
        for index in 0..<entries {
            let base = UInt64(12_000_000_000) + UInt64(index) * 1_000
            parent.append(.range(try TelephoneNumberRange(start: TelephoneNumber(value: base, length: 11), count: 500)))
            if index % 2 == 0 {
                child.append(.tn(try TelephoneNumber(value: base + 7, length: 11)))
            } else {
                child.append(.range(try TelephoneNumberRange(start: TelephoneNumber(value: base + 100, length: 11), count: 50)))
            }
        }
        var generator = SplitMix64(seed: 0x5C09E)
        parentEntries = parent.shuffled(using: &generator)
        childEntries = child.shuffled(using: &generator)
        self.parent = TNScope(entries: parentEntries)
        self.child = TNScope(entries: childEntries)
    }

    /// True when a child holding one more number, outside every parent range, is not encompassed
    /// and that number is reported uncovered (so ``compare()`` cannot pass vacuously).
    func rejectsOutsider() throws -> Bool {
        let outsider = try TelephoneNumber(value: 12_000_000_000 + UInt64(parentEntries.count) * 1_000 + 700, length: 11)
        let grown = child.union(TNScope(entries: [.tn(outsider)]))
        return parent.encompasses(grown) == .notEncompassed(uncovered: [.tn(outsider)])
    }

    /// Decides encompassing between the prebuilt scopes; true when the child is encompassed.
    func compare() -> Bool {
        parent.encompasses(child) == .encompassed
    }

    /// Builds both scopes and decides encompassing; true when the child is encompassed.
    func buildAndCompare() -> Bool {
        TNScope(entries: parentEntries).encompasses(TNScope(entries: childEntries)) == .encompassed
    }
}

/// A deterministic generator for shuffling benchmark inputs (SplitMix64).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
