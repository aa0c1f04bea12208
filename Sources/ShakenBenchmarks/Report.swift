import Foundation

/// The printed table and the pass/fail verdicts.
struct Report {
    /// One measured line.
    struct Row {
        let name: String
        let secondsPerOperation: Double
        let detail: String
    }

    /// One target.
    struct Target {
        let name: String
        let value: Double
        let limit: Double
        let atLeast: Bool
        let unit: String

        var isMet: Bool { atLeast ? value >= limit : value <= limit }
    }

    var rows: [Row] = []
    var targets: [Target] = []

    mutating func add(_ name: String, seconds: Double, _ detail: String = "") {
        rows.append(Row(name: name, secondsPerOperation: seconds, detail: detail))
    }

    var allTargetsMet: Bool { targets.allSatisfy(\.isMet) }

    func render() -> String {
        let width = max(44, rows.map(\.name.count).max() ?? 0)
        var lines = [pad("measurement", width) + "  " + pad("time/op", 12) + "  " + pad("ops/s", 10) + "  detail"]
        lines.append(String(repeating: "-", count: width + 40))
        for row in rows {
            let hasTime = row.secondsPerOperation > 0
            let time = hasTime ? Self.format(row.secondsPerOperation) : ""
            let perSecond = hasTime ? String(format: "%.0f", 1 / row.secondsPerOperation) : ""
            lines.append(pad(row.name, width) + "  " + pad(time, 12) + "  " + pad(perSecond, 10) + "  " + row.detail)
        }
        lines.append("")
        for target in targets {
            let comparison = target.atLeast ? ">=" : "<="
            let value = String(format: "%.3f", target.value)
            let limit = String(format: "%.2f", target.limit)
            lines.append("\(pad(target.name, width))  \(value)\(target.unit) (target \(comparison) \(limit)\(target.unit))  \(target.isMet ? "PASS" : "MISS")")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        switch seconds {
        case ..<1e-6: String(format: "%.0f ns", seconds * 1e9)
        case ..<1e-3: String(format: "%.2f µs", seconds * 1e6)
        case ..<1: String(format: "%.2f ms", seconds * 1e3)
        default: String(format: "%.3f s", seconds)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
