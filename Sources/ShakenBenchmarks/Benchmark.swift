import CertificateRevocation
import Foundation
import X509

/// Runs every measurement of `shaken-bench` and fills the report.
struct Benchmark {
    let options: BenchmarkOptions
    /// 2025-01-01T00:00:00Z: certificates, CRLs and PASSporTs are all relative to it.
    let referenceTime = Date(timeIntervalSince1970: 1_735_689_600)
    private let clock = ContinuousClock()

    func run() async throws -> Report {
        var report = Report()
        let pki = try BenchmarkPKI(referenceTime: referenceTime, revokedEntries: 1_000)
        let signing = try SigningWorkload(pki: pki, count: options.passports)
        let verification = try await VerificationWorkload(pki: pki, signing: signing)
        if options.runs("sign") { try await measureSigning(signing, into: &report) }
        if options.runs("verify") { try await measureVerification(verification, into: &report) }
        if options.runs("scope") { try measureScopes(into: &report) }
        if options.runs("crl") { try measureCRL(into: &report) }
        if options.runs("issuance") { try await measureIssuance(pki: pki, into: &report) }
        return report
    }

    private func measureSigning(_ workload: SigningWorkload, into report: inout Report) async throws {
        let (timing, raw, ours) = try await Interleaved.measure(
            count: options.passports, rounds: options.rounds, chunks: options.chunks,
            baseline: { try workload.signRaw($0) },
            measured: { try workload.signIdentity($0) }
        )
        // Every signature made in the last round is checked.
        let key = workload.key.publicKey
        for index in 0..<options.passports {
            guard let signature = raw[index], key.isValidSignature(signature, for: workload.signingInputs[index]) else {
                throw BenchmarkError.failed("raw signature \(index) does not verify")
            }
            guard let header = ours[index], let parts = try? SigningWorkload.parts(of: header),
                parts.signingInput == workload.signingInputs[index], key.isValidSignature(parts.signature, for: parts.signingInput)
            else { throw BenchmarkError.failed("Identity header \(index) is not the expected signed PASSporT") }
        }
        let inputs = "\(options.passports) distinct inputs × \(options.rounds) rounds"
        report.add("a) raw P-256 sign (swift-crypto)", seconds: timing.baselineMedian, Self.cpu(timing.baselineCPUMedian) + inputs)
        report.add("b) PASSporT sign → Identity header", seconds: timing.measuredMedian, Self.cpu(timing.measuredCPUMedian) + "AuthenticationService.sign")
        report.targets.append(
            Report.Target(name: "sign throughput b/a", value: timing.ratioMedian, limit: 0.85, atLeast: true, unit: "")
        )
        report.add("   b/a ratio over chunk pairs (CPU)", seconds: 0, Self.describe(timing.ratios))
    }

    private func measureVerification(_ workload: VerificationWorkload, into report: inout Report) async throws {
        let (timing, raw, ours) = try await Interleaved.measure(
            count: options.passports, rounds: options.rounds, chunks: options.chunks,
            baseline: { workload.verifyRaw($0) },
            measured: { await workload.verifyIdentity($0) }
        )
        guard raw.allSatisfy({ $0 == true }) else { throw BenchmarkError.failed("a raw verification failed") }
        guard ours.allSatisfy({ $0 == true }) else { throw BenchmarkError.failed("an Identity header did not verify") }
        let inputs = "\(options.passports) distinct inputs × \(options.rounds) rounds"
        report.add("c) raw P-256 verify (swift-crypto)", seconds: timing.baselineMedian, Self.cpu(timing.baselineCPUMedian) + inputs)
        report.add("d) Identity header verify, cached chain", seconds: timing.measuredMedian, Self.cpu(timing.measuredCPUMedian) + "VerificationService.verify")
        report.targets.append(
            Report.Target(name: "verify throughput d/c", value: timing.ratioMedian, limit: 0.87, atLeast: true, unit: "")
        )
        report.add("   d/c ratio over chunk pairs (CPU)", seconds: 0, Self.describe(timing.ratios))
        try await diagnoseVerification(workload, into: &report)
    }

    /// Where the verification overhead lies: the PASSporT layer alone, and the STI-VS without the
    /// cache's revocation re-check. Informational; no target.
    private func diagnoseVerification(_ workload: VerificationWorkload, into report: inout Report) async throws {
        let rounds = max(3, options.rounds / 3)
        let (layer, _, layerOK) = try await Interleaved.measure(
            count: options.passports, rounds: rounds, chunks: options.chunks,
            baseline: { workload.verifyRaw($0) },
            measured: { workload.verifyPASSporT($0) }
        )
        guard layerOK.allSatisfy({ $0 == true }) else { throw BenchmarkError.failed("a PASSporT did not verify") }
        report.add("   PASSporT layer verify (no chain)", seconds: layer.measuredMedian, Self.cpu(layer.measuredCPUMedian) + String(format: "ratio %.3f vs raw, diagnostic", layer.ratioMedian))
        let (service, _, serviceOK) = try await Interleaved.measure(
            count: options.passports, rounds: rounds, chunks: options.chunks,
            baseline: { workload.verifyRaw($0) },
            measured: { await workload.verifyIdentityWithoutRevocation($0) }
        )
        guard serviceOK.allSatisfy({ $0 == true }) else { throw BenchmarkError.failed("an Identity header did not verify") }
        report.add(
            "   STI-VS verify, revocation not checked", seconds: service.measuredMedian,
            Self.cpu(service.measuredCPUMedian) + String(format: "ratio %.3f vs raw, diagnostic", service.ratioMedian)
        )
    }

    private func measureScopes(into report: inout Report) throws {
        let workload = try ScopeWorkload(entries: options.scopeEntries)
        guard try workload.rejectsOutsider() else { throw BenchmarkError.failed("a number outside the parent scope was accepted") }
        var compareTimes: [Double] = []
        var buildTimes: [Double] = []
        for _ in 0..<options.scopeRuns {
            let start = clock.now
            guard workload.compare() else { throw BenchmarkError.failed("the child scope is not encompassed") }
            let middle = clock.now
            guard workload.buildAndCompare() else { throw BenchmarkError.failed("the rebuilt child scope is not encompassed") }
            compareTimes.append((middle - start).seconds)
            buildTimes.append((clock.now - middle).seconds)
        }
        let entries = "\(options.scopeEntries) ranges ⊇ \(options.scopeEntries) TNs/ranges"
        report.add("e) TNScope.encompasses", seconds: Statistics.median(compareTimes), entries)
        report.add("e) TNScope build ×2 + encompasses", seconds: Statistics.median(buildTimes), "from unsorted TNEntry lists")
    }

    private func measureCRL(into report: inout Report) throws {
        let buildStart = clock.now
        let workload = try CRLWorkload(entries: options.crlEntries, referenceTime: referenceTime)
        let buildTime = (clock.now - buildStart).seconds
        var parseTimes: [Double] = []
        var parsed: CertificateRevocationList?
        for _ in 0..<options.crlParses {
            parsed = nil
            let start = clock.now
            let crl = try workload.parse()
            parseTimes.append((clock.now - start).seconds)
            parsed = crl
        }
        guard let crl = parsed, crl.count == options.crlEntries else { throw BenchmarkError.failed("the CRL lost entries") }
        let stride = max(1, options.crlEntries / 500)
        let listed = Swift.stride(from: 0, to: options.crlEntries, by: stride).map(CRLWorkload.serialNumber)
        let absent = (0..<listed.count).map { CRLWorkload.serialNumber(options.crlEntries + $0) }
        let lookupStart = clock.now
        let correct = workload.lookups(in: crl, serials: listed, absent: absent)
        let lookupTime = (clock.now - lookupStart).seconds / Double(listed.count + absent.count)
        guard correct == listed.count + absent.count else { throw BenchmarkError.failed("CRL lookups gave wrong answers") }
        let megabytes = String(format: "%.1f MB", Double(workload.der.count) / 1_048_576)
        report.add("f) CRL build + sign (untimed setup)", seconds: buildTime, "\(options.crlEntries) entries, \(megabytes)")
        report.add("f) CRL parse", seconds: Statistics.median(parseTimes), "median of \(options.crlParses), \(megabytes) DER")
        report.add("f) CRL lookup (revocationStatus)", seconds: lookupTime, "\(listed.count) listed + \(absent.count) absent")
        report.targets.append(
            Report.Target(name: "CRL parse (1M entries)", value: Statistics.median(parseTimes), limit: 2, atLeast: false, unit: " s")
        )
    }

    /// "CPU 69.1 µs; ": the median CPU time per operation, for the detail column.
    private static func cpu(_ seconds: Double) -> String {
        "CPU \(Report.format(seconds)); "
    }

    private static func describe(_ ratios: [Double]) -> String {
        let sorted = ratios.sorted()
        guard let low = sorted.first, let high = sorted.last else { return "" }
        return String(format: "min %.3f, median %.3f, max %.3f", low, Statistics.median(ratios), high)
    }
}
