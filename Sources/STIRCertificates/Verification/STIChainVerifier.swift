import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// Verifies SHAKEN and delegate certificate chains (RFC 5280 §6, ATIS-1000080 §6.4.1 and §6.3.4,
/// ATIS-1000092 §6.2, RFC 9060 §4).
///
/// Uses swift-certificates' `Verifier` to build candidate chains from the leaf through the given
/// intermediates to one of ``STITrustConfiguration/trustAnchors``, applying `RFC5280Policy` (validity
/// at the given time, basicConstraints, name constraints, version) and then the SHAKEN policy:
/// verification-time profile rules, scope encompassing at every TNAuthList-bearing link, and
/// revocation through ``STITrustConfiguration/crlSource``. An unknown revocation status is never valid.
///
/// ```swift
/// let verifier = STIChainVerifier(configuration: STITrustConfiguration(
///     trustAnchors: roots, crlSigners: [stiPACRLSigner], crlSource: StaticCRLSource(crls)))
/// switch await verifier.verify(leaf: leaf, intermediates: chain, at: now) {
/// case .valid(let validated): use(validated.leafScope)
/// case .invalid(let failures): reject(failures)
/// }
/// ```
public struct STIChainVerifier: Sendable {
    /// What is trusted and how strictly.
    public let configuration: STITrustConfiguration

    /// Creates a verifier.
    ///
    /// - Parameter configuration: The trust anchors, CRL signers and policy choices.
    public init(configuration: STITrustConfiguration) {
        self.configuration = configuration
    }

    /// Verifies the chain of `leaf` at `time`.
    ///
    /// - Parameters:
    ///   - leaf: The end-entity certificate (the PASSporT signer).
    ///   - intermediates: Candidate issuing certificates in any order (e.g. the rest of the x5u bundle);
    ///     trust anchors among them are ignored as intermediates' trust does not come from here.
    ///   - time: The validation time, used for certificate and CRL validity.
    /// - Returns: The validated chain, or the failures of every candidate chain. Failure codes are as
    ///   fine as the cause allows: `expired`/`notYetValid` for validity, `profileViolation` for a
    ///   non-CA issuer, `untrustedChain` when no path to an anchor exists.
    public func verify(leaf: Certificate, intermediates: [Certificate], at time: Date) async -> STIChainVerificationResult {
        let log = ChainEvaluationLog()
        let shaken = SHAKENChainPolicy(configuration: configuration, time: time, log: log)
        var verifier = Verifier(rootCertificates: CertificateStore(configuration.trustAnchors)) {
            RFC5280Policy(fixedExpiryValidationTime: time)
            shaken
        }
        let handledExtensions = verifier.policy.verifyingCriticalExtensions
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))

        switch result {
        case .validCertificate(let chain):
            if case .passed(let validated) = await log.evaluation(for: Array(chain)) {
                return .valid(validated)
            }
            return .invalid([STIChainFailure(.untrustedChain, "the chain was accepted without a SHAKEN evaluation")])
        case .couldNotValidate(let policyFailures):
            var failures: [STIChainFailure] = []
            for policyFailure in policyFailures {
                let chain = Array(policyFailure.chain)
                if case .failed(let found) = await log.evaluation(for: chain) {
                    failures += found
                } else {
                    failures += Self.classifyRFC5280Failure(chain, reason: policyFailure.policyFailureReason.description, at: time)
                }
            }
            if failures.isEmpty {
                failures = noPathFailures(leaf: leaf, intermediates: intermediates, handledExtensions: handledExtensions)
            }
            var seen: Set<STIChainFailure> = []
            return .invalid(failures.filter { seen.insert($0).inserted })
        }
    }
}
