import Foundation

/// The reference ``TrustListStore``: the current list in memory.
public actor InMemoryTrustListStore: TrustListStore {
    private var current: TrustListSnapshot?

    /// Creates an empty store.
    public init() {}

    /// See ``TrustListStore/currentTrustList()``.
    public func currentTrustList() -> TrustListSnapshot? {
        current
    }

    /// See ``TrustListStore/replaceTrustList(roots:at:ifSequence:)``.
    public func replaceTrustList(roots: [[UInt8]], at date: Date, ifSequence expected: Int64?) throws -> TrustListSnapshot {
        guard current?.sequence == expected else {
            throw PolicyAdministrationError(
                .trustListConflict,
                "trust list is at sequence \(current.map { String($0.sequence) } ?? "none"), expected \(expected.map(String.init) ?? "none")"
            )
        }
        let next = TrustListSnapshot(sequence: (expected ?? 0) + 1, roots: roots, updatedAt: date)
        current = next
        return next
    }
}
