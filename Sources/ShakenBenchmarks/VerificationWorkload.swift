import Crypto
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import TNAuthList

/// N distinct signed SHAKEN requests and an STI-VS whose cache already holds the validated chain.
struct VerificationWorkload: Sendable {
    let service: VerificationService
    /// The same STI-VS without revocation checking, so its cache re-checks validity only.
    let serviceWithoutRevocation: VerificationService
    let requests: [VerificationRequest]
    let publicKey: P256.Signing.PublicKey
    let signingInputs: [[UInt8]]
    let signatures: [P256.Signing.ECDSASignature]
    let now: Int64

    /// Signs every call of `signing` (outside any timing) and prepares the requests and the
    /// baseline inputs; one verification fills the cache.
    init(pki: BenchmarkPKI, signing: SigningWorkload) async throws {
        let source = StaticCRLSource([pki.crl])
        let trust = STITrustConfiguration(trustAnchors: [pki.root], crlSigners: [pki.crlSigner], crlSource: source)
        service = VerificationService(
            chainVerifier: STIChainVerifier(configuration: trust),
            fetcher: StaticCertificateChainFetcher([BenchmarkPKI.x5u: pki.publishedChain]),
            cache: ValidatedChainCache(crlSource: source)
        )
        serviceWithoutRevocation = VerificationService(
            chainVerifier: STIChainVerifier(configuration: STITrustConfiguration(trustAnchors: [pki.root], revocation: .notChecked)),
            fetcher: StaticCertificateChainFetcher([BenchmarkPKI.x5u: pki.publishedChain]),
            cache: ValidatedChainCache()
        )
        publicKey = pki.leafKey.publicKey
        now = Int64(pki.referenceTime.timeIntervalSince1970)
        var requests: [VerificationRequest] = []
        var signingInputs: [[UInt8]] = []
        var signatures: [P256.Signing.ECDSASignature] = []
        for index in signing.calls.indices {
            let call = signing.calls[index]
            let header = try signing.signIdentity(index)
            requests.append(VerificationRequest(identityHeaders: [header], orig: call.orig, dest: call.dest, now: pki.referenceTime))
            let parts = try SigningWorkload.parts(of: header)
            signingInputs.append(parts.signingInput)
            signatures.append(parts.signature)
        }
        self.requests = requests
        self.signingInputs = signingInputs
        self.signatures = signatures
        guard let first = requests.first else { throw BenchmarkError.failed("no requests to verify") }
        let outcome = await service.verify(first)
        guard outcome.failure == nil, outcome.passport != nil else {
            throw BenchmarkError.failed("the first request does not verify: \(outcome.failure?.description ?? "") \(outcome.failureReason ?? "")")
        }
        guard await service.cache?.count == 1 else { throw BenchmarkError.failed("the validated chain was not cached") }
        guard await serviceWithoutRevocation.verify(first).failure == nil, await serviceWithoutRevocation.cache?.count == 1 else {
            throw BenchmarkError.failed("the first request does not verify without revocation checking")
        }
    }

    /// Like ``verifyIdentity(_:)`` through the STI-VS that does not check revocation.
    func verifyIdentityWithoutRevocation(_ index: Int) async -> Bool {
        let outcome = await serviceWithoutRevocation.verify(requests[index])
        return outcome.failure == nil && outcome.passport != nil && outcome.verstat == .passed
    }

    /// The PASSporT layer alone: Identity header parse, JWS and JSON parse, ES256 over the received
    /// bytes, freshness (RFC 8224 §4.1, RFC 8225 §6) — no chain, no service checks.
    func verifyPASSporT(_ index: Int) -> Bool {
        guard let header = requests[index].identityHeaders.first,
            let passport = try? IdentityHeader(parsing: header).unverifiedPASSporT().verifySignature(using: publicKey)
        else { return false }
        return passport.checkFreshness(now: now).isFresh
    }

    /// Verifies request `index` through the whole STI-VS; true when it is valid (`TN-Validation-Passed`).
    func verifyIdentity(_ index: Int) async -> Bool {
        let outcome = await service.verify(requests[index])
        return outcome.failure == nil && outcome.passport != nil && outcome.verstat == .passed
    }

    /// Verifies the signature of request `index` with swift-crypto alone.
    func verifyRaw(_ index: Int) -> Bool {
        publicKey.isValidSignature(signatures[index], for: signingInputs[index])
    }
}
