import Crypto
import Foundation
import PASSporT
import STIRCertificates
import TNAuthList
import X509

extension VerificationService {
    /// Selects the main PASSporT (one of `types`), verifies related ones, then runs the checks.
    func verify(_ request: VerificationRequest, accepting types: Set<PASSporTExtension?>) async -> VerificationOutcome {
        var candidates: [IdentityCandidate] = []
        candidates.reserveCapacity(request.identityHeaders.count)
        var firstRejection: Rejection?
        // Blank values are skipped, as if absent (no filtered copy of the array is made).
        for value in request.identityHeaders where !value.allSatisfy(\.isWhitespace) {
            switch Self.parseCandidate(value) {
            case .success(let candidate): candidates.append(candidate)
            case .failure(let rejection): firstRejection = firstRejection ?? rejection
            }
        }
        guard !candidates.isEmpty || firstRejection != nil else {
            return VerificationOutcome(failure: .identityMissing, reason: "the request carries no Identity header (RFC 8224 §6.2.2)")
        }
        guard let mainIndex = candidates.firstIndex(where: { types.contains($0.passport.unverifiedHeader.ppt) }) else {
            if let firstRejection { return VerificationOutcome(failure: firstRejection.failure, reason: firstRejection.reason) }
            let wanted = types.map { $0?.rawValue ?? "base" }.sorted().joined(separator: " or ")
            return VerificationOutcome(failure: .notShaken, reason: "no Identity header carries a \(wanted) PASSporT")
        }
        var related: [VerificationOutcome] = []
        var verifiedDiversions: [VerifiedPASSporT] = []
        if policy.verifiesRelatedPASSporTs {
            for (index, candidate) in candidates.enumerated() where index != mainIndex {
                let outcome = await outcome(of: candidate, request: request, diversions: [])
                if candidate.passport.unverifiedHeader.ppt == .div, let passport = outcome.passport {
                    verifiedDiversions.append(passport)
                }
                related.append(outcome)
            }
        }
        var result = await outcome(of: candidates[mainIndex], request: request, diversions: verifiedDiversions)
        for other in related where other.failure != nil {
            result.notes.append("related PASSporT not verified: \(other.failure?.description ?? ""): \(other.failureReason ?? "")")
        }
        result.related = related
        return result
    }

    /// Runs every check on one PASSporT and packages the result.
    func outcome(of candidate: IdentityCandidate, request: VerificationRequest, diversions: [VerifiedPASSporT]) async -> VerificationOutcome {
        do {
            let (passport, chain, notes) = try await check(candidate, request: request, diversions: diversions)
            return VerificationOutcome(passport: passport, chain: chain, notes: notes)
        } catch {
            return VerificationOutcome(failure: error.failure, reason: error.reason, chain: error.chain)
        }
    }

    /// The checks after parsing, in the order of ATIS-1000082 E7, E16, E8, E17, E18, E15, E19,
    /// then the certificate's scope (RFC 8226 §9, RFC 9060 §4) and claim constraints (RFC 8226 §8, RFC 9118 §3).
    func check(
        _ candidate: IdentityCandidate, request: VerificationRequest, diversions: [VerifiedPASSporT]
    ) async throws(Rejection) -> (VerifiedPASSporT, ValidatedSTIChain, [String]) {
        let unverified = candidate.passport
        let claims = unverified.unverifiedClaims
        let x5u = unverified.unverifiedHeader.x5u
        var notes: [String] = []
        do {
            try policy.x5uPolicy.check(x5u)
        } catch {
            throw Rejection(.x5uNotAllowed, error.reason)
        }
        try Self.checkOrig(claims, request: request)
        if let note = try Self.checkDest(claims, request: request, diversions: diversions) { notes.append(note) }
        let chain = try await validatedChain(x5u: x5u, now: request.now)
        do {
            let passport = try verifySignatureAndClaims(unverified, chain: chain, request: request, notes: &notes)
            notes += chain.unprovableScopes.map {
                "delegation scope accepted by the lenient policy, its numbers not provably under the issuer's SPC (ATIS-1000092 §6.2): \($0)"
            }
            return (passport, chain, notes)
        } catch {
            var rejection = error
            rejection.chain = chain
            throw rejection
        }
    }

    private func verifySignatureAndClaims(
        _ unverified: UnverifiedPASSporT, chain: ValidatedSTIChain, request: VerificationRequest, notes: inout [String]
    ) throws(Rejection) -> VerifiedPASSporT {
        guard let key = P256.Signing.PublicKey(chain.chain[0].publicKey) else {
            throw Rejection(.unsupportedKey, "the signing certificate's key is not a P-256 key (ATIS-1000080 §6.4.1)")
        }
        let passport: VerifiedPASSporT
        do {
            passport = try unverified.verifySignature(using: key)
        } catch {
            throw Rejection(VerificationFailure(passportError: error), error.reason)
        }
        let now = Int64(request.now.timeIntervalSince1970.rounded(.down))
        switch passport.checkFreshness(now: now, tolerance: Int64(freshness)) {
        case .fresh: break
        case .stale(let age):
            throw Rejection(.iatTooOld, "iat is \(age) s old; the freshness window is \(Int64(freshness)) s (RFC 8224 §4.1)")
        case .futureDated(let ahead):
            throw Rejection(.iatInFuture, "iat is \(ahead) s in the future; the window is \(Int64(freshness)) s (RFC 8224 §6.2)")
        }
        if passport.header.ppt == .shaken, passport.claims.attest == nil {
            throw Rejection(.missingClaim, "ppt shaken requires attest (RFC 8588 §4)")
        }
        if let note = try Self.checkScope(passport.claims, chain: chain) { notes.append(note) }
        try Self.checkClaimConstraints(passport.claims, chain: chain)
        return passport
    }

    /// Returns the validated chain for `x5u`, from the cache or by fetching and validating it.
    func validatedChain(x5u: String, now: Date) async throws(Rejection) -> ValidatedSTIChain {
        if let cache, let hit = await cache.chain(for: x5u, at: now) { return hit }
        let certificates: [Certificate]
        do {
            certificates = try await fetcher.fetchChain(x5u: x5u)
        } catch {
            throw Rejection(.chainFetchFailed, "fetching the certificate chain at \(x5u) failed: \(error)")
        }
        guard let leaf = certificates.first else {
            throw Rejection(.chainFetchFailed, "the resource at \(x5u) holds no certificate")
        }
        let snapshot = await cache?.revocationSnapshot(for: certificates)
        switch await chainVerifier.verify(leaf: leaf, intermediates: Array(certificates.dropFirst()), at: now) {
        case .valid(let chain):
            if let cache, let snapshot { await cache.store(chain, for: x5u, snapshot: snapshot) }
            return chain
        case .invalid(let failures):
            let (failure, reason) = VerificationFailure.select(chainFailures: failures)
            throw Rejection(failure, reason)
        }
    }
}
