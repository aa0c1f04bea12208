import Foundation
import SwiftASN1
import TNAuthList
import X509

/// The SHAKEN part of chain verification, run by swift-certificates' `Verifier` after
/// `RFC5280Policy` on every candidate chain (ATIS-1000080 §6.4.1, ATIS-1000092 §6.2, RFC 9060 §4,
/// RFC 5280 §6.3).
///
/// Checks, collecting every failure of the chain rather than stopping at the first:
/// 1. the profile rules that matter at verification time (see `profileFailures(_:)`);
/// 2. RFC 9060 §4 encompassing at every link where child and parent carry a TNAuthList;
/// 3. revocation of every certificate except the anchor, when required.
///
/// It declares the TNAuthList, JWTClaimConstraints and EnhancedJWTClaimConstraints extensions as
/// handled: TNAuthList is enforced here, the claim constraints of the leaf are exposed on
/// ``ValidatedSTIChain/claimConstraints`` for the PASSporT layer, and critical claim constraints on
/// a CA certificate are rejected because nothing would enforce them.
struct SHAKENChainPolicy: VerifierPolicy, Sendable {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .STIR.tnAuthList,
        .STIR.jwtClaimConstraints,
        .STIR.enhancedJWTClaimConstraints,
    ]

    let configuration: STITrustConfiguration
    let time: Date
    let log: ChainEvaluationLog

    mutating func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        let certificates = Array(chain)
        let evaluation = await evaluate(certificates)
        await log.record(evaluation, for: certificates)
        switch evaluation {
        case .passed:
            return .meetsPolicy
        case .failed(let failures):
            let reason = "SHAKENChainPolicy: " + failures.map(\.description).joined(separator: "; ")
            return .failsToMeetPolicy(reason: reason)
        }
    }

    /// Runs every check on a chain ordered leaf first.
    func evaluate(_ chain: [Certificate]) async -> ChainEvaluationLog.Evaluation {
        var failures = profileFailures(chain)
        let scope = await scopeLinks(chain)
        failures += scope.failures
        let revocation = await revocationStatuses(chain)
        failures += revocation.failures
        guard failures.isEmpty else {
            return .failed(failures)
        }

        let leaf = chain[0]
        let leafList = (try? leaf.extensions.tnAuthList) ?? nil
        let jwt = (try? leaf.extensions.jwtClaimConstraints) ?? nil
        let enhanced = (try? leaf.extensions.enhancedJWTClaimConstraints) ?? nil
        let notAfter = chain.map(\.notValidAfter).min() ?? leaf.notValidAfter
        let validated = ValidatedSTIChain(
            chain: chain,
            leafProfile: STICertificateProfile.classify(leaf, issuer: chain.count > 1 ? chain[1] : nil),
            leafScope: leafList.map { TNScope($0) } ?? TNScope(),
            links: scope.links,
            revocation: revocation.statuses,
            isRevocationChecked: configuration.revocation == .required,
            claimConstraints: (jwt: jwt, enhanced: enhanced),
            notAfter: notAfter,
            unprovableScopes: scope.links.filter {
                if case .unprovable = $0.encompassing { return true }
                return false
            }
        )
        return .passed(validated)
    }
}

extension Certificate {
    /// A short name for failure reasons: the subject and serial number.
    var chainLabel: String {
        "\"\(subject)\" (serial \(serialNumber.hexadecimal))"
    }
}
