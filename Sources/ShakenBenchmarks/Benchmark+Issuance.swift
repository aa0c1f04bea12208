import Foundation

extension Benchmark {
    /// g) complete ACME issuances per second on durable SQLite, with p50/p99 per step.
    func measureIssuance(pki: BenchmarkPKI, into report: inout Report) async throws {
        let setup = try await IssuanceSetup(pki: pki)
        do {
            let workload = try await IssuanceWorkload(setup: setup, count: options.issuances, accounts: options.issuanceAccounts)
            let before = await setup.storage.sqliteCommitStatistics()
            let (outcomes, seconds) = try await workload.run(inFlight: options.issuancesInFlight)
            let after = await setup.storage.sqliteCommitStatistics()
            guard outcomes.count == options.issuances else { throw BenchmarkError.failed("issuances were lost") }
            for outcome in outcomes { try workload.check(outcome) }
            let rate = Double(outcomes.count) / seconds
            report.add(
                "g) ACME issuance, SQLite WAL sync=FULL", seconds: seconds / Double(outcomes.count),
                "\(outcomes.count) issuances, \(options.issuancesInFlight) in flight, \(options.issuanceAccounts) accounts; all checked"
            )
            for (step, name) in IssuanceWorkload.stepNames.enumerated() {
                let times = outcomes.map { $0.steps[step] }
                report.add(
                    "   \(name) latency p50", seconds: Statistics.percentile(times, 0.5),
                    "p99 \(Report.format(Statistics.percentile(times, 0.99)))"
                )
            }
            if let before, let after {
                let commits = after.commits - before.commits
                let operations = after.operations - before.operations
                report.add(
                    "   SQLite commits (one fsync each)", seconds: seconds / Double(max(1, commits)),
                    String(format: "%.1f commits, %.1f writer operations per issuance", Double(commits) / Double(outcomes.count), Double(operations) / Double(outcomes.count))
                )
            }
            let totals = outcomes.map { $0.steps.reduce(0, +) }
            report.add("   issuance latency p50", seconds: Statistics.percentile(totals, 0.5), "p99 \(Report.format(Statistics.percentile(totals, 0.99)))")
            report.targets.append(Report.Target(name: "ACME issuances per second", value: rate, limit: 100, atLeast: true, unit: "/s"))
        } catch {
            await setup.close()
            throw error
        }
        await setup.close()
    }
}
