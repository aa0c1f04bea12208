import Foundation
import PolicyAdministration
import SQLKit

/// PolicyAdministration's ``TrustListStore`` on SQL (spec digest §4.4 `GET /api/v1/ca-list`): every
/// version is kept in `pa_trust_lists` (sequence PRIMARY KEY) with its roots in `pa_trust_list_roots`.
/// The compare-and-set inserts sequence `expected + 1` only while the highest stored sequence is
/// `expected`; of two concurrent replacements the PRIMARY KEY lets one through.
public struct SQLTrustListStore: TrustListStore {
    let engine: SQLEngine

    /// See ``TrustListStore/currentTrustList()``.
    public func currentTrustList() async throws -> TrustListSnapshot? {
        let rows = try await engine.rows("""
            SELECT t.sequence, t.updated_at, r.der FROM pa_trust_lists t
            LEFT JOIN pa_trust_list_roots r ON r.sequence = t.sequence
            WHERE t.sequence = (SELECT MAX(sequence) FROM pa_trust_lists) ORDER BY r.position
            """)
        guard let first = rows.first else { return nil }
        let roots = try rows.compactMap { try $0.optionalBytes("der") }
        return TrustListSnapshot(sequence: try first.int64("sequence"), roots: roots, updatedAt: try first.date("updated_at"))
    }

    /// See ``TrustListStore/replaceTrustList(roots:at:ifSequence:)``.
    public func replaceTrustList(roots: [[UInt8]], at date: Date, ifSequence expected: Int64?) async throws -> TrustListSnapshot {
        let next = (expected ?? 0) + 1
        let snapshot: TrustListSnapshot? = try await engine.transaction { session in
            let inserted = try await session.rows("""
                INSERT INTO pa_trust_lists (sequence, updated_at)
                SELECT \(bind: next), \(bind: date.storedValue)
                WHERE COALESCE((SELECT MAX(sequence) FROM pa_trust_lists), 0) = \(bind: expected ?? 0)
                ON CONFLICT DO NOTHING RETURNING sequence
                """)
            guard !inserted.isEmpty else { return nil }
            for (position, der) in roots.enumerated() {
                try await session.run("""
                    INSERT INTO pa_trust_list_roots (sequence, position, der) VALUES (\(bind: next), \(bind: Int64(position)), \(bind: der.storedValue))
                    """)
            }
            return TrustListSnapshot(sequence: next, roots: roots, updatedAt: date)
        }
        if let snapshot { return snapshot }
        let current = try await currentTrustList()
        throw PolicyAdministrationError(
            .trustListConflict,
            "trust list is at sequence \(current.map { String($0.sequence) } ?? "none"), expected \(expected.map(String.init) ?? "none")"
        )
    }
}
