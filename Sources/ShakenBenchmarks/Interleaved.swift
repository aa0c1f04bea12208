/// Baseline and measured timings of one interleaved comparison.
struct PairedMeasurement: Sendable {
    /// Wall-clock seconds per operation of the baseline, one value per round.
    var baseline: [Double] = []
    /// Wall-clock seconds per operation of the measured code, one value per round.
    var measured: [Double] = []
    /// CPU seconds per operation of the baseline, one value per round.
    var baselineCPU: [Double] = []
    /// CPU seconds per operation of the measured code, one value per round.
    var measuredCPU: [Double] = []
    /// Throughput of the measured code relative to the baseline in CPU time, one value per adjacent
    /// pair of chunk timings (both sides over the same inputs, back to back).
    var ratios: [Double] = []

    /// The median seconds per baseline operation.
    var baselineMedian: Double { Statistics.median(baseline) }
    /// The median seconds per measured operation.
    var measuredMedian: Double { Statistics.median(measured) }
    /// The median CPU seconds per baseline operation.
    var baselineCPUMedian: Double { Statistics.median(baselineCPU) }
    /// The median CPU seconds per measured operation.
    var measuredCPUMedian: Double { Statistics.median(measuredCPU) }
    /// The median of the per-pair CPU-time throughput ratios (measured / baseline).
    var ratioMedian: Double { Statistics.median(ratios) }
}

/// Runs a baseline and the code under test over the same distinct inputs, A/B/B/A chunk by chunk,
/// so that load changes on a shared machine hit both sides alike.
enum Interleaved {
    /// Measures `baseline` against `measured`, each called once per input index per round.
    ///
    /// One untimed warm-up round runs first. Within a round the inputs are split into `chunks`
    /// slices; for each slice both sides run back to back, the order alternating from slice to
    /// slice, and the two times give one ratio. A load burst on the shared machine thus spoils a
    /// few pairs, which the median ignores. Ratios use the thread CPU time of each side
    /// (``CPUClock``), so time spent descheduled does not count; wall-clock times per operation
    /// are kept for the printed table. The outputs of the last round are returned so the
    /// caller can check every result.
    static func measure<A, B>(
        count: Int,
        rounds: Int,
        chunks: Int,
        baseline: (Int) async throws -> A,
        measured: (Int) async throws -> B
    ) async throws -> (PairedMeasurement, [A?], [B?]) {
        var baselineOutputs = [A?](repeating: nil, count: count)
        var measuredOutputs = [B?](repeating: nil, count: count)
        let clock = ContinuousClock()
        let slices = stride(from: 0, to: count, by: max(1, count / max(1, chunks))).map { $0..<min(count, $0 + max(1, count / max(1, chunks))) }
        var result = PairedMeasurement()
        for round in 0...rounds {
            var baselineTime = Duration.zero
            var measuredTime = Duration.zero
            var baselineCPU = 0.0
            var measuredCPU = 0.0
            for (index, slice) in slices.enumerated() {
                let baselineFirst = (round + index) % 2 == 0
                var pair = (baseline: Duration.zero, measured: Duration.zero)
                var cpu = (baseline: 0.0, measured: 0.0)
                for side in baselineFirst ? [true, false] : [false, true] {
                    let start = clock.now
                    let cpuStart = CPUClock.now()
                    if side {
                        for input in slice { baselineOutputs[input] = try await baseline(input) }
                        cpu.baseline = CPUClock.elapsed(from: cpuStart, to: CPUClock.now())
                        pair.baseline = clock.now - start
                    } else {
                        for input in slice { measuredOutputs[input] = try await measured(input) }
                        cpu.measured = CPUClock.elapsed(from: cpuStart, to: CPUClock.now())
                        pair.measured = clock.now - start
                    }
                }
                baselineTime += pair.baseline
                measuredTime += pair.measured
                baselineCPU += cpu.baseline
                measuredCPU += cpu.measured
                if round > 0, cpu.measured > 0 { result.ratios.append(cpu.baseline / cpu.measured) }
            }
            guard round > 0 else { continue }
            result.baseline.append(baselineTime.seconds / Double(count))
            result.measured.append(measuredTime.seconds / Double(count))
            result.baselineCPU.append(baselineCPU / Double(count))
            result.measuredCPU.append(measuredCPU / Double(count))
        }
        return (result, baselineOutputs, measuredOutputs)
    }
}
