/// The normalised scope of a TNAuthorizationList, used to test membership and delegation
/// (RFC 9060 §4).
///
/// Normal form:
/// - a set of service provider codes;
/// - for each digit length, a sorted array of closed intervals of numeric values that neither overlap
///   nor touch (a single all-digit number is a one-value interval; overlapping and adjacent intervals
///   are merged);
/// - a set of numbers holding `*` or `#`, which only ever match themselves.
///
/// Numbers of different lengths never match each other: `0123` and `123` are different numbers.
/// Two scopes are equal when they cover exactly the same codes and numbers, whatever the entry order
/// or split of the lists they came from.
public struct TNScope: Hashable, Sendable {
    /// The service provider codes in the scope.
    public private(set) var spcs: Set<ServiceProviderCode>

    /// For each digit length, the sorted, merged, non-adjacent intervals of all-digit numbers.
    public private(set) var numberIntervals: [Int: [ClosedRange<UInt64>]]

    /// The numbers holding `*` or `#`, matched only exactly.
    public private(set) var nonNumericNumbers: Set<TelephoneNumber>

    /// The empty scope.
    public init() {
        self.spcs = []
        self.numberIntervals = [:]
        self.nonNumericNumbers = []
    }

    /// The scope of a TNAuthorizationList (RFC 8226 §9).
    public init(_ list: TNAuthorizationList) {
        self.init(entries: list.entries)
    }

    /// The scope of any sequence of entries, including an empty one. Runs in O(n log n).
    public init(entries: some Sequence<TNEntry>) {
        var spcs: Set<ServiceProviderCode> = []
        var raw: [Int: [ClosedRange<UInt64>]] = [:]
        var nonNumeric: Set<TelephoneNumber> = []
        for entry in entries {
            switch entry {
            case .spc(let code):
                spcs.insert(code)
            case .range(let range):
                raw[range.start.length, default: []].append(range.lowerBound...range.upperBound)
            case .tn(let number):
                if let value = number.numericValue {
                    raw[number.length, default: []].append(value...value)
                } else {
                    nonNumeric.insert(number)
                }
            }
        }
        self.spcs = spcs
        self.numberIntervals = raw.mapValues(Self.merged)
        self.nonNumericNumbers = nonNumeric
    }

    /// Whether the scope holds no code and no number.
    public var isEmpty: Bool {
        spcs.isEmpty && !hasNumbers
    }

    /// Whether the scope holds any telephone number or range.
    public var hasNumbers: Bool {
        !numberIntervals.isEmpty || !nonNumericNumbers.isEmpty
    }

    /// The same scope without its service provider codes.
    public var numbersOnly: TNScope {
        var copy = self
        copy.spcs = []
        return copy
    }

    /// Whether `tn` is one of the scope's numbers. O(log n) in the number of intervals of its length.
    ///
    /// Membership in an SPC's numbering inventory is not visible here; see
    /// ``encompasses(_:inventory:)``.
    public func contains(_ tn: TelephoneNumber) -> Bool {
        guard let value = tn.numericValue else {
            return nonNumericNumbers.contains(tn)
        }
        guard let intervals = numberIntervals[tn.length] else { return false }
        return Self.intervals(intervals, contain: value)
    }

    /// Whether the scope holds the service provider code.
    public func contains(_ spc: ServiceProviderCode) -> Bool {
        spcs.contains(spc)
    }

    /// The scope as a minimal entry list: codes in byte order, then numbers by length and value
    /// (one-value intervals as `.tn`, longer ones as `.range`), then `*`/`#` numbers in order.
    public var entries: [TNEntry] {
        var result: [TNEntry] = spcs.sorted().map { .spc($0) }
        for length in numberIntervals.keys.sorted() {
            for interval in numberIntervals[length] ?? [] {
                result.append(Self.entry(for: interval, length: length))
            }
        }
        result.append(contentsOf: nonNumericNumbers.sorted().map { .tn($0) })
        return result
    }

    /// The scope holding everything in `self` or in `other`.
    public func union(_ other: TNScope) -> TNScope {
        var result = self
        result.spcs.formUnion(other.spcs)
        result.nonNumericNumbers.formUnion(other.nonNumericNumbers)
        for (length, intervals) in other.numberIntervals {
            result.numberIntervals[length] = Self.merged((result.numberIntervals[length] ?? []) + intervals)
        }
        return result
    }

    /// The scope holding what is in `self` but not in `other`; numbers are split into the minimal
    /// pieces left over. Runs in linear time over the two normal forms.
    public func subtracting(_ other: TNScope) -> TNScope {
        var result = TNScope()
        result.spcs = spcs.subtracting(other.spcs)
        result.nonNumericNumbers = nonNumericNumbers.subtracting(other.nonNumericNumbers)
        for (length, intervals) in numberIntervals {
            let remaining = Self.subtract(intervals, other.numberIntervals[length] ?? [])
            if !remaining.isEmpty {
                result.numberIntervals[length] = remaining
            }
        }
        return result
    }
}
