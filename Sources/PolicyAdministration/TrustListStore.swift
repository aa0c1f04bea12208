import Foundation

/// The durable CA trust list with a compare-and-set on its sequence number.
///
/// Contract: before the first replacement ``currentTrustList()`` is `nil`; ``replaceTrustList(roots:at:ifSequence:)``
/// succeeds only when `expected` is the current sequence (`nil` for none), stores sequence `expected + 1`
/// (1 for the first), and otherwise throws ``PolicyAdministrationError/Code/trustListConflict``.
public protocol TrustListStore: Sendable {
    /// The current list, if one was ever stored.
    func currentTrustList() async throws -> TrustListSnapshot?
    /// Replaces the list if its sequence is still `expected`; returns the new version.
    func replaceTrustList(roots: [[UInt8]], at date: Date, ifSequence expected: Int64?) async throws -> TrustListSnapshot
}
