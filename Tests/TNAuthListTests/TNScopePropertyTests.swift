import PropertyBased
import Testing
@testable import TNAuthList

/// Generators of random TNAuthList entries over short numbers, so collisions, overlaps and adjacency
/// happen often.
enum EntryGen {
    /// kind 0: SPC from a small pool; 1-4: single number; 5-8: range; 9: number with '*' or '#'.
    static func make(kind: Int, length: Int, value: UInt64, count: Int) -> TNEntry? {
        let limit = TelephoneNumber.powerOfTen(length)
        let start = value % limit
        switch kind {
        case 0:
            return (try? ServiceProviderCode(["1234", "709J", "ABC"][Int(value % 3)])).map { .spc($0) }
        case 1...4:
            return (try? TelephoneNumber(value: start, length: length)).map { .tn($0) }
        case 5...8:
            let room = Int(limit - start)
            guard room >= 2, let number = try? TelephoneNumber(value: start, length: length) else {
                return (try? TelephoneNumber(value: start, length: length)).map { .tn($0) }
            }
            return (try? TelephoneNumberRange(start: number, count: min(count, room))).map { .range($0) }
        default:
            let text = String(value % 10) + (value % 2 == 0 ? "*" : "#")
            return (try? TelephoneNumber(text)).map { .tn($0) }
        }
    }

    static let entry = zip(
        Gen.int(in: 0...9),
        Gen.int(in: 1...3),
        Gen.uint64(in: 0...999),
        Gen.int(in: 2...40)
    ).compactMap { make(kind: $0.0, length: $0.1, value: $0.2, count: $0.3) }

    static let entries = entry.array(of: 0...25)
    static let nonEmptyEntries = entry.array(of: 1...25)
    static let seeds = Gen.uint64(in: 0...1_000_000).array(of: 1...25)
}

/// Deterministic permutation driven by a seed, for order-independence checks.
func permuted<T>(_ items: [T], seed: UInt64) -> [T] {
    var state = seed | 1
    return items.enumerated().map { index, item -> (UInt64, T) in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 &+ UInt64(index)
        return (state >> 17, item)
    }.sorted { $0.0 < $1.0 }.map(\.1)
}

@Suite("TNScope properties")
struct TNScopePropertyTests {
    @Test("A random subset of a random scope is encompassed by it")
    func subsetIsEncompassed() async {
        await propertyCheck(input: EntryGen.entries, EntryGen.seeds) { entries, seeds in
            let parent = TNScope(entries: entries)
            var child: [TNEntry] = []
            for (index, entry) in parent.entries.enumerated() {
                let seed = seeds[index % seeds.count] &+ UInt64(index)
                switch entry {
                case .range(let range):
                    let offset = Int(seed % UInt64(range.count))
                    let length = 1 + Int((seed / 7) % UInt64(range.count - offset))
                    let start = range.lowerBound + UInt64(offset)
                    let piece = TNScope.entry(for: start...(start + UInt64(length) - 1), length: range.start.length)
                    child.append(piece)
                case .tn, .spc:
                    if seed % 2 == 0 { child.append(entry) }
                }
            }
            #expect(parent.encompasses(TNScope(entries: child)) == .encompassed, "child \(child) of \(parent.entries)")
        }
    }

    @Test("Every scope encompasses itself")
    func selfEncompassing() async {
        await propertyCheck(input: EntryGen.entries) { entries in
            let scope = TNScope(entries: entries)
            #expect(scope.encompasses(scope) == .encompassed)
            #expect(scope.encompasses(TNScope(entries: entries.reversed())) == .encompassed)
        }
    }

    @Test("Adding a number outside the parent breaks encompassing and names exactly that number")
    func outsideNumberBreaks() async {
        await propertyCheck(input: EntryGen.entries, Gen.int(in: 1...3), Gen.uint64(in: 0...999)) { entries, length, value in
            let parent = TNScope(entries: entries)
            guard let extra = try? TelephoneNumber(value: value % TelephoneNumber.powerOfTen(length), length: length),
                !parent.contains(extra)
            else { return }
            let child = parent.union(TNScope(entries: [.tn(extra)]))
            let result = parent.encompasses(child)
            if parent.spcs.isEmpty {
                #expect(result == .notEncompassed(uncovered: [.tn(extra)]))
            } else {
                #expect(result == .unprovable(numbers: [.tn(extra)], underSPCs: parent.spcs))
            }
        }
    }

    @Test("contains agrees with a brute-force check over every number of 1 to 3 digits")
    func containsMatchesBruteForce() async {
        await propertyCheck(count: 40, input: EntryGen.entries) { entries in
            let scope = TNScope(entries: entries)
            for length in 1...3 {
                for value in 0..<TelephoneNumber.powerOfTen(length) {
                    guard let number = try? TelephoneNumber(value: value, length: length) else {
                        Issue.record("could not build \(value)")
                        return
                    }
                    let expected = entries.contains { entry in
                        switch entry {
                        case .spc: false
                        case .tn(let single): single == number
                        case .range(let range): range.contains(number)
                        }
                    }
                    #expect(scope.contains(number) == expected, "\(number) in \(entries)")
                }
            }
        }
    }

    @Test("Normalisation is idempotent and independent of entry order")
    func normalisation() async {
        await propertyCheck(input: EntryGen.entries, Gen.uint64(in: 0...UInt64.max)) { entries, seed in
            let scope = TNScope(entries: entries)
            #expect(TNScope(entries: scope.entries) == scope)
            #expect(TNScope(entries: scope.entries).entries == scope.entries)
            #expect(TNScope(entries: permuted(entries, seed: seed)) == scope)
            #expect(TNScope(entries: entries + entries) == scope)
        }
    }

    @Test("Random valid lists survive a DER and base64 round trip unchanged")
    func derRoundTrip() async throws {
        await propertyCheck(input: EntryGen.nonEmptyEntries) { entries in
            let list = try TNAuthorizationList(entries)
            let der = try list.derEncoded()
            let decoded = try TNAuthorizationList(derEncoded: der)
            #expect(decoded == list)
            #expect(try decoded.derEncoded() == der)
            #expect(try TNAuthorizationList(base64Encoded: list.base64EncodedString()) == list)
        }
    }
}
