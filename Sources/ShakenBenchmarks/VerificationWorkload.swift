import Crypto
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import TNAuthList

/// N distinct signed SHAKEN requests and an STI-VS whose cache already holds the validated chain.
struct VerificationWorkload: Sendable {
    let service: VerificationService
    let requests: [VerificationRequest]
    let publicKey: P256.Signing.PublicKey
    let signingInputs: [[UInt8]]
    let signatures: [P256.Signing.ECDSASignature]

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
        publicKey = pki.leafKey.publicKey
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
