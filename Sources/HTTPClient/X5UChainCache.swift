import Foundation
import X509

/// The bounded cache of fetched x5u chains (ATIS-1000074 §5.3.1 caching; security notes §3.4):
/// keyed by the exact URL, one in-flight download per URL shared by every caller, a short
/// negative cache for failures, and a segmented LRU so that a flood of unique URLs evicts only
/// entries never hit again, not the hot ones.
actor X5UChainCache {
    /// A download result: the chain and how long it may be reused.
    struct Fetched: Sendable {
        let chain: [Certificate]
        let expires: Date
    }

    private struct Entry {
        let chain: [Certificate]
        let expires: Date
        var hits: Int
        var lastUse: UInt64
    }

    private let capacity: Int
    private let protectedShare: Int
    private let negativeLifetime: TimeInterval
    private var entries: [String: Entry] = [:]
    private var failures: [String: (error: HTTPClientError, until: Date)] = [:]
    private var inFlight: [String: Task<Fetched, any Error>] = [:]
    private var tick: UInt64 = 0
    private(set) var downloads = 0

    init(capacity: Int, negativeLifetime: TimeInterval) {
        self.capacity = max(1, capacity)
        self.protectedShare = max(1, capacity * 4 / 5)
        self.negativeLifetime = negativeLifetime
    }

    /// The number of cached chains.
    var count: Int { entries.count }

    /// The cached chain for `url`, or the result of the one shared `download`.
    func chain(for url: String, now: Date, download: @escaping @Sendable () async throws -> Fetched) async throws -> [Certificate] {
        tick += 1
        if var entry = entries[url] {
            if entry.expires > now {
                entry.hits += 1
                entry.lastUse = tick
                entries[url] = entry
                return entry.chain
            }
            entries[url] = nil
        }
        if let failure = failures[url] {
            if failure.until > now { throw failure.error }
            failures[url] = nil
        }
        if let running = inFlight[url] {
            return try await running.value.chain
        }
        let task = Task { try await download() }
        inFlight[url] = task
        downloads += 1
        do {
            let fetched = try await task.value
            inFlight[url] = nil
            store(url, fetched, now: now)
            return fetched.chain
        } catch {
            inFlight[url] = nil
            let failure = error as? HTTPClientError ?? HTTPClientError(.connectionFailed, "\(url): \(error)")
            if negativeLifetime > 0 { failures[url] = (failure, now.addingTimeInterval(negativeLifetime)) }
            trimFailures(now: now)
            throw failure
        }
    }

    /// Drops every entry.
    func removeAll() {
        entries.removeAll()
        failures.removeAll()
    }

    private func store(_ url: String, _ fetched: Fetched, now: Date) {
        guard fetched.expires > now else { return }
        entries[url] = Entry(chain: fetched.chain, expires: fetched.expires, hits: 0, lastUse: tick)
        while entries.count > capacity { evictOne(now: now, sparing: url) }
        demoteIfNeeded()
    }

    /// Evicts an expired entry, else the least recently used probationary one (never hit since
    /// insertion), else the least recently used of all.
    private func evictOne(now: Date, sparing url: String) {
        if let expired = entries.first(where: { $0.value.expires <= now && $0.key != url })?.key {
            entries[expired] = nil
            return
        }
        let candidates = entries.filter { $0.key != url }
        let probation = candidates.filter { $0.value.hits == 0 }
        let pool = probation.isEmpty ? candidates : probation
        if let victim = pool.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[victim] = nil
        }
    }

    /// Keeps the protected segment (entries hit at least once) within its share, so probation
    /// always has room for new entries to prove themselves.
    private func demoteIfNeeded() {
        let protected = entries.filter { $0.value.hits > 0 }
        guard protected.count > protectedShare,
              let coldest = protected.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        else { return }
        entries[coldest]?.hits = 0
    }

    private func trimFailures(now: Date) {
        guard failures.count > capacity else { return }
        failures = failures.filter { $0.value.until > now }
        while failures.count > capacity, let key = failures.keys.first { failures[key] = nil }
    }
}
