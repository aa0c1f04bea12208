import Testing
@testable import TNAuthList

@Suite("Large lists")
struct ScalingTests {
    /// 10,000 entries: alternating 11-digit ranges of 5 and single numbers, with gaps.
    static func largeList() throws -> TNAuthorizationList {
        var entries: [TNEntry] = []
        entries.reserveCapacity(10_000)
        for index in 0..<5_000 {
            let base = 12_125_500_000 + UInt64(index) * 10
            entries.append(.range(try TelephoneNumberRange(start: TelephoneNumber(value: base, length: 11), count: 5)))
            entries.append(.tn(try TelephoneNumber(value: base + 7, length: 11)))
        }
        return try TNAuthorizationList(entries.reversed())
    }

    @Test("A 10,000-entry list round-trips through DER and normalises into 10,000 intervals")
    func largeRoundTrip() throws {
        let list = try Self.largeList()
        #expect(list.entries.count == 10_000)
        let der = try list.derEncoded()
        let decoded = try TNAuthorizationList(derEncoded: der)
        #expect(decoded == list)
        let scope = TNScope(decoded)
        #expect(scope.numberIntervals[11]?.count == 10_000)
        #expect(try scope.contains(TelephoneNumber("12125549997")))
        #expect(try !scope.contains(TelephoneNumber("12125549998")))
    }

    @Test("Encompassing between 10,000-entry scopes finds the single missing number")
    func largeEncompassing() throws {
        let parent = TNScope(try Self.largeList())
        #expect(parent.encompasses(parent) == .encompassed)
        let missing = try TelephoneNumber("12125512345")
        #expect(!parent.contains(missing))
        let child = parent.union(TNScope(entries: [.tn(missing)]))
        #expect(parent.encompasses(child) == .notEncompassed(uncovered: [.tn(missing)]))
    }
}
