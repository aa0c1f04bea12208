import Foundation
import StorageSQL

extension Benchmark {
    /// g) and h): complete ACME issuances per second on durable SQLite, with p50/p99 per step, at the
    /// `ACMEService` layer and through HTTPS (Hummingbird router, TLS, HTTP client) on loopback.
    func measureIssuance(pki: BenchmarkPKI, into report: inout Report) async throws {
        let direct = try await IssuanceSetup(pki: pki)
        do {
            let workload = try await IssuanceWorkload(setup: direct, count: options.issuances, accounts: options.issuanceAccounts)
            try await measure("g) ACME issuance (ACMEService)", workload: workload, storage: direct.storage, isTarget: false, into: &report) {
                try await workload.run(inFlight: options.issuancesInFlight)
            }
        } catch {
            await direct.close()
            throw error
        }
        await direct.close()

        let server = try await IssuanceHTTPServer.prepare()
        let setup = try await IssuanceSetup(pki: pki, baseURL: IssuanceHTTPServer.baseURL(port: server.port), name: "https")
        do {
            let workload = try await IssuanceWorkload(setup: setup, count: options.issuances, accounts: options.issuanceAccounts)
            let running = try await server.start(setup.service)
            do {
                let http = try await IssuanceHTTPWorkload(workload: workload, server: running)
                do {
                    try await measure("h) ACME issuance (HTTPS loopback)", workload: workload, storage: setup.storage, isTarget: true, into: &report) {
                        try await IssuanceWorkload.run(count: workload.prepared.count, inFlight: options.issuancesInFlight) { try await http.issue($0) }
                    }
                } catch {
                    await http.shutdown()
                    throw error
                }
                await http.shutdown()
            } catch {
                await running.stop()
                throw error
            }
            await running.stop()
        } catch {
            await setup.close()
            throw error
        }
        await setup.close()
    }

    /// Runs the timed issuances, checks every chain and adds the rows; the HTTPS run carries the
    /// target (≥ 100 issuances/s), the `ACMEService` run is a diagnostic of the layer below.
    private func measure(
        _ title: String, workload: IssuanceWorkload, storage: SQLStorage, isTarget: Bool, into report: inout Report,
        run: () async throws -> (outcomes: [IssuanceWorkload.Outcome], seconds: Double)
    ) async throws {
        let before = await storage.sqliteCommitStatistics()
        let (outcomes, seconds) = try await run()
        let after = await storage.sqliteCommitStatistics()
        guard outcomes.count == options.issuances else { throw BenchmarkError.failed("issuances were lost") }
        for outcome in outcomes { try workload.check(outcome) }
        let rate = Double(outcomes.count) / seconds
        report.add(
            title, seconds: seconds / Double(outcomes.count),
            "\(outcomes.count) issuances, \(options.issuancesInFlight) in flight, \(options.issuanceAccounts) accounts; SQLite WAL sync=FULL; all checked"
        )
        for (step, name) in IssuanceWorkload.stepNames.enumerated() {
            let times = outcomes.map { $0.steps[step] }
            report.add("   \(name) latency p50", seconds: Statistics.percentile(times, 0.5), "p99 \(Report.format(Statistics.percentile(times, 0.99)))")
        }
        let totals = outcomes.map { $0.steps.reduce(0, +) }
        report.add("   issuance latency p50", seconds: Statistics.percentile(totals, 0.5), "p99 \(Report.format(Statistics.percentile(totals, 0.99)))")
        if let before, let after {
            let commits = after.commits - before.commits
            let operations = after.operations - before.operations
            let count = Double(outcomes.count)
            report.add(
                "   SQLite commits (one fsync each)", seconds: seconds / Double(max(1, commits)),
                String(format: "%.1f commits, %.1f writer operations per issuance", Double(commits) / count, Double(operations) / count)
            )
        }
        if isTarget {
            report.targets.append(Report.Target(name: String(title.prefix(2)) + " ACME issuances per second", value: rate, limit: 100, atLeast: true, unit: "/s"))
        } else {
            report.add("   issuances per second (diagnostic)", seconds: 1 / rate, "the target applies to the HTTPS figure")
        }
    }
}
