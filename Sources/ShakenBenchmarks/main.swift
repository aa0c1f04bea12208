import Foundation

// `shaken-bench [--check] [--quick]`: throughput of our signing and verification against raw
// swift-crypto, TN scope encompassing and million-entry CRL parsing. See docs/performance.md.
do {
    let options = try BenchmarkOptions(arguments: CommandLine.arguments.dropFirst())
    let start = ContinuousClock.now
    let report = try await Benchmark(options: options).run()
    print(report.render())
    print(String(format: "total run time %.1f s", (ContinuousClock.now - start).seconds))
    if options.check, !report.allTargetsMet {
        print("shaken-bench: a target was missed")
        exit(1)
    }
} catch BenchmarkError.usage {
    print(BenchmarkError.usageText)
} catch {
    FileHandle.standardError.write(Data("shaken-bench: \(error)\n".utf8))
    exit(2)
}
