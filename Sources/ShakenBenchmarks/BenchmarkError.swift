/// Why `shaken-bench` stopped before printing its report.
enum BenchmarkError: Error, CustomStringConvertible {
    /// `--help` was given.
    case usage
    /// A setup or correctness failure.
    case failed(String)

    static let usageText = "usage: shaken-bench [--check] [--quick] [--only sign|verify|scope|crl|issuance]"

    var description: String {
        switch self {
        case .usage: Self.usageText
        case .failed(let reason): reason
        }
    }
}
