import CertificateRevocation
import Foundation
import STIRCertificates
import X509

/// A bounded cache of validated `x5u` chains, keyed by the exact `x5u` string
/// (ATIS-1000074 §5.3.1; security notes on cache poisoning).
///
/// Only chains that ``STIChainVerifier`` validated are stored. Every hit is re-checked:
/// - validity: the time must lie within every certificate's validity, so an entry never outlives
///   the chain's `notAfter` (expired entries are dropped);
/// - revocation, by a cheap path: when the entry was stored, the cache recorded which CRLs the
///   ``CRLSource`` returned for each non-anchor certificate (by their signatures). On a hit
///   it asks the source again; if it returns exactly the same CRLs, none of them lists the
///   certificate (indexed lookup) and one of them is still current (`thisUpdate ≤ now ≤
///   nextUpdate + grace`), the earlier revocation verdict stands. Any change — a new CRL, a
///   listing, a stale CRL, no CRL — turns the hit into a miss, so the caller re-runs full chain
///   validation, which verifies the new CRL's signature and scope.
/// - the fast path of that check: when the source reports a ``CRLSource/revision`` and it is
///   the same as when the entry was stored, the source hands out the same CRLs, so the verdict
///   stands until the earliest `nextUpdate + grace` among them without asking again. This keeps a
///   hit O(1), which is what makes a cached verification cost little more than its signature
///   check.
///
/// The cache holds at most ``capacity`` entries and evicts the least recently used one.
public actor ValidatedChainCache {
    private struct Entry {
        let chain: ValidatedSTIChain
        /// The latest `notBefore` and the earliest `notAfter` of the chain, so a hit checks the
        /// validity of every certificate with two comparisons.
        let validFrom: Date
        let validUntil: Date
        let crlFingerprints: [[Certificate.Signature]]
        /// The source's revision when the CRLs were seen; `nil` when it does not report one.
        let crlRevision: UInt64?
        /// Until when every non-anchor certificate has a current CRL among those seen.
        let crlsCurrentUntil: Date?
        var lastUse: UInt64
    }

    /// The CRLs seen for each non-anchor certificate of a chain, taken before it was validated.
    public struct RevocationSnapshot: Sendable {
        let fingerprints: [Certificate: [Certificate.Signature]]
        /// The source's revision, read before the CRLs were asked for.
        let revision: UInt64?
        /// The latest `nextUpdate` among each certificate's CRLs.
        let latestNextUpdate: [Certificate: Date]
    }

    /// The maximum number of entries.
    public let capacity: Int
    private let crlSource: (any CRLSource)?
    private let crlGrace: TimeInterval
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0

    /// Creates a cache.
    ///
    /// - Parameters:
    ///   - capacity: the maximum number of chains kept (at least 1; 1000 as in common deployments).
    ///   - crlSource: the source the chain verifier uses; `nil` when revocation is not checked.
    ///   - crlGrace: how long after `nextUpdate` a CRL still counts as current (as in ``STITrustConfiguration``).
    public init(capacity: Int = 1_000, crlSource: (any CRLSource)? = nil, crlGrace: TimeInterval = 3_600) {
        self.capacity = max(1, capacity)
        self.crlSource = crlSource
        self.crlGrace = crlGrace
    }

    /// The number of cached chains.
    public var count: Int { entries.count }

    /// Records the CRLs currently offered for `certificates` (the fetched chain, leaf first); call
    /// this before validating the chain and pass the result to ``store(_:for:snapshot:)``.
    public func revocationSnapshot(for certificates: [Certificate]) async -> RevocationSnapshot {
        guard let crlSource else { return RevocationSnapshot(fingerprints: [:], revision: nil, latestNextUpdate: [:]) }
        let revision = await crlSource.revision
        var fingerprints: [Certificate: [Certificate.Signature]] = [:]
        var latestNextUpdate: [Certificate: Date] = [:]
        for certificate in certificates {
            let crls = await crlSource.crls(for: certificate)
            fingerprints[certificate] = crls.map(\.signature)
            latestNextUpdate[certificate] = crls.compactMap(\.nextUpdate).max()
        }
        return RevocationSnapshot(fingerprints: fingerprints, revision: revision, latestNextUpdate: latestNextUpdate)
    }

    /// Stores a validated chain for `x5u`, evicting the least recently used entry when full.
    ///
    /// A chain checked for revocation is not stored when the snapshot misses one of its
    /// non-anchor certificates (then no cheap re-check would be possible).
    public func store(_ chain: ValidatedSTIChain, for x5u: String, snapshot: RevocationSnapshot) {
        var crlFingerprints: [[Certificate.Signature]] = []
        var crlsCurrentUntil: Date? = .distantFuture
        if chain.isRevocationChecked {
            for certificate in chain.chain.dropLast() {
                guard let seen = snapshot.fingerprints[certificate] else { return }
                crlFingerprints.append(seen)
                let until = snapshot.latestNextUpdate[certificate].map { $0.addingTimeInterval(crlGrace) }
                crlsCurrentUntil = until.flatMap { until in crlsCurrentUntil.map { min($0, until) } }
            }
        }
        clock &+= 1
        if entries[x5u] == nil, entries.count >= capacity,
            let victim = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        {
            entries[victim] = nil
        }
        let certificates = chain.chain
        entries[x5u] = Entry(
            chain: chain,
            validFrom: certificates.map(\.notValidBefore).max() ?? .distantPast,
            validUntil: min(chain.notAfter, certificates.map(\.notValidAfter).min() ?? .distantFuture),
            crlFingerprints: crlFingerprints,
            crlRevision: snapshot.revision,
            crlsCurrentUntil: crlsCurrentUntil,
            lastUse: clock
        )
    }

    /// The cached chain for `x5u` if it is still valid at `time` and its revocation verdict still
    /// stands (see the type's description); otherwise `nil`, and a stale entry is removed.
    public func chain(for x5u: String, at time: Date) async -> ValidatedSTIChain? {
        guard let position = entries.index(forKey: x5u) else { return nil }
        let entry = entries.values[position]
        guard entry.validFrom <= time, time <= entry.validUntil else {
            entries.remove(at: position)
            return nil
        }
        if entry.chain.isRevocationChecked {
            guard await revocationStillHolds(entry, at: time) else {
                entries[x5u] = nil
                return nil
            }
            // The entry may have been replaced or removed while the CRL source was asked.
            guard let current = entries.index(forKey: x5u) else { return entry.chain }
            clock &+= 1
            entries.values[current].lastUse = clock
            return entry.chain
        }
        clock &+= 1
        entries.values[position].lastUse = clock
        return entry.chain
    }

    /// Removes the entry for `x5u`.
    public func remove(x5u: String) {
        entries[x5u] = nil
    }

    private func revocationStillHolds(_ entry: Entry, at time: Date) async -> Bool {
        guard let crlSource else { return false }
        if let stored = entry.crlRevision, let until = entry.crlsCurrentUntil, time <= until,
            await crlSource.revision == stored
        {
            return true
        }
        let certificates = Array(entry.chain.chain.dropLast())
        guard entry.crlFingerprints.count == certificates.count else { return false }
        for (index, certificate) in certificates.enumerated() {
            let crls = await crlSource.crls(for: certificate)
            guard !crls.isEmpty, crls.map(\.signature) == entry.crlFingerprints[index] else { return false }
            if crls.contains(where: { $0.revocationStatus(serialNumber: certificate.serialNumber, issuer: certificate.issuer) != nil }) {
                return false
            }
            let current = crls.contains { crl in
                guard let next = crl.nextUpdate else { return false }
                return crl.thisUpdate <= time && time <= next.addingTimeInterval(crlGrace)
            }
            guard current else { return false }
        }
        return true
    }
}
