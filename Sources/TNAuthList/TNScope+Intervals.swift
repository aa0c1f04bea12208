extension TNScope {
    /// Sorts intervals and merges the ones that overlap or touch.
    static func merged(_ intervals: [ClosedRange<UInt64>]) -> [ClosedRange<UInt64>] {
        let sorted = intervals.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt64>] = []
        result.reserveCapacity(sorted.count)
        for interval in sorted {
            if let last = result.last, interval.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, interval.upperBound)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// Binary search in sorted, disjoint intervals.
    static func intervals(_ intervals: [ClosedRange<UInt64>], contain value: UInt64) -> Bool {
        var low = 0
        var high = intervals.count
        while low < high {
            let middle = low + (high - low) / 2
            if intervals[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < intervals.count && intervals[low].lowerBound <= value
    }

    /// The parts of `minuend` outside `subtrahend`; both sorted and disjoint. Linear time.
    static func subtract(
        _ minuend: [ClosedRange<UInt64>],
        _ subtrahend: [ClosedRange<UInt64>]
    ) -> [ClosedRange<UInt64>] {
        var result: [ClosedRange<UInt64>] = []
        var first = 0
        for interval in minuend {
            while first < subtrahend.count && subtrahend[first].upperBound < interval.lowerBound {
                first += 1
            }
            var low = interval.lowerBound
            var index = first
            while true {
                guard index < subtrahend.count, subtrahend[index].lowerBound <= interval.upperBound else {
                    result.append(low...interval.upperBound)
                    break
                }
                let cover = subtrahend[index]
                if cover.lowerBound > low {
                    result.append(low...(cover.lowerBound - 1))
                }
                if cover.upperBound >= interval.upperBound {
                    break
                }
                low = cover.upperBound + 1
                index += 1
            }
        }
        return result
    }

    /// A one-value interval as `.tn`, a longer one as `.range`, at the given digit length.
    static func entry(for interval: ClosedRange<UInt64>, length: Int) -> TNEntry {
        let start = TelephoneNumber(
            validatedBytes: Array(TelephoneNumberRange.paddedDigits(interval.lowerBound, length: length).utf8)
        )
        if interval.lowerBound == interval.upperBound {
            return .tn(start)
        }
        return .range(
            TelephoneNumberRange(
                validatedStart: start,
                lowerBound: interval.lowerBound,
                count: Int(interval.upperBound - interval.lowerBound + 1)
            )
        )
    }
}
