import Foundation
import PASSporT
import STIRCertificates
import TNAuthList

/// A STIR/SHAKEN verification service, STI-VS (RFC 8224 §6.2, RFC 8588, ATIS-1000074 §5.3,
/// ATIS-1000082 verification API, ATIS-1000092 §6.2 for delegate certificates).
///
/// ``verify(_:)`` runs the checks in the order of the ATIS-1000082 error table (E4…E19):
/// Identity header syntax and `info` (436), full form, `ppt=shaken`, header parameters,
/// `info` == `x5u`, `typ`/`alg`, claims, `orig`/`dest` against the request, `x5u` policy and fetch,
/// chain validation (``STIChainVerifier``: trust anchors, profile, scope encompassing, CRLs),
/// the ES256 signature over the received bytes with the leaf key, freshness of `iat` in both
/// directions, `attest`, `orig` inside the leaf's TNAuthList when it lists numbers, and the
/// leaf's JWT claim constraints (RFC 8226 §8, RFC 9118). Every failure is reported through the
/// single table of ``VerificationFailure``. The service never reads a clock: `now` comes with
/// each request.
public struct VerificationService: Sendable {
    /// Local policy beyond the freshness window.
    public struct Policy: Hashable, Sendable {
        /// The rules an `x5u` must satisfy before it is fetched.
        public var x5uPolicy: X5UPolicy
        /// Whether `div` and `rcd` PASSporTs next to the SHAKEN one are verified and reported.
        public var verifiesRelatedPASSporTs: Bool

        /// Creates a policy; the defaults follow ATIS-1000074.
        public init(x5uPolicy: X5UPolicy = X5UPolicy(), verifiesRelatedPASSporTs: Bool = true) {
            self.x5uPolicy = x5uPolicy
            self.verifiesRelatedPASSporTs = verifiesRelatedPASSporTs
        }
    }

    /// Validates signer chains against the STI-PA trust list and CRLs.
    public let chainVerifier: STIChainVerifier
    /// Obtains the chain named by `x5u`.
    public let fetcher: any CertificateChainFetcher
    /// Validated chains by `x5u`; `nil` disables caching.
    public let cache: ValidatedChainCache?
    /// The accepted distance between `iat` and now, either way, in seconds (RFC 8224 §4.1: 60).
    public let freshness: TimeInterval
    /// Local policy.
    public let policy: Policy

    /// Creates a verification service.
    ///
    /// - Parameters:
    ///   - chainVerifier: the chain verifier configured with the trust anchors and CRL source.
    ///   - fetcher: the `x5u` fetcher.
    ///   - cache: an optional cache of validated chains.
    ///   - freshness: the `iat` tolerance in seconds, 60 by default (RFC 8224 §4.1).
    ///   - policy: local policy.
    public init(
        chainVerifier: STIChainVerifier,
        fetcher: any CertificateChainFetcher,
        cache: ValidatedChainCache? = nil,
        freshness: TimeInterval = 60,
        policy: Policy = Policy()
    ) {
        self.chainVerifier = chainVerifier
        self.fetcher = fetcher
        self.cache = cache
        self.freshness = max(0, freshness)
        self.policy = policy
    }

    /// Verifies the SHAKEN PASSporT of a request (RFC 8224 §6.2, ATIS-1000074 §5.3.2).
    ///
    /// The `ppt=shaken` Identity header decides the verstat. With
    /// ``Policy/verifiesRelatedPASSporTs``, `div` and `rcd` PASSporTs are verified against the
    /// same request and reported in ``VerificationOutcome/related``; a valid `div` PASSporT whose
    /// `div` claim names a SHAKEN `dest` lets the SHAKEN PASSporT match a retargeted request (RFC 8946 §6).
    public func verify(_ request: VerificationRequest) async -> VerificationOutcome {
        await verify(request, accepting: Self.shakenOnly)
    }

    /// The accepted types of ``verify(_:)``, built once rather than per call.
    private static let shakenOnly: Set<PASSporTExtension?> = [.shaken]

    /// Verifies a customer's base or `rcd` PASSporT, as an originating service provider does
    /// before relying on a delegate certificate (ATIS-1000092 §6.2, RFC 9795).
    ///
    /// The same checks as ``verify(_:)`` apply except the SHAKEN-only claims (`attest`, `origid`).
    public func verifyCustomerPASSporT(_ request: VerificationRequest) async -> VerificationOutcome {
        await verify(request, accepting: [nil, .rcd])
    }
}
