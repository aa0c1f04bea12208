import Foundation
import SwiftASN1
import X509

extension STIChainVerifier {
    /// Turns a candidate chain rejected by `RFC5280Policy` into the finest failure codes
    /// (RFC 5280 §6.1.3 (a)(2) validity, §6.1.4 (k) basicConstraints).
    static func classifyRFC5280Failure(_ chain: [Certificate], reason: String, at time: Date) -> [STIChainFailure] {
        var failures: [STIChainFailure] = []
        for (index, certificate) in chain.enumerated() {
            if time > certificate.notValidAfter {
                failures.append(
                    STIChainFailure(
                        .expired,
                        "certificate \(certificate.chainLabel) expired at \(certificate.notValidAfter)",
                        certificateIndex: index
                    )
                )
            } else if time < certificate.notValidBefore {
                failures.append(
                    STIChainFailure(
                        .notYetValid,
                        "certificate \(certificate.chainLabel) is not valid before \(certificate.notValidBefore)",
                        certificateIndex: index
                    )
                )
            }
        }
        for index in chain.indices.dropFirst() {
            let constraints = try? chain[index].extensions.basicConstraints
            if case .some(.isCertificateAuthority) = constraints {
                continue
            }
            failures.append(
                STIChainFailure(
                    .profileViolation,
                    "issuing certificate \(chain[index].chainLabel) does not assert basicConstraints cA=TRUE",
                    certificateIndex: index
                )
            )
        }
        if failures.isEmpty {
            failures.append(STIChainFailure(.untrustedChain, reason))
        }
        return failures
    }

    /// Explains why not even a candidate chain could be built.
    func noPathFailures(
        leaf: Certificate,
        intermediates: [Certificate],
        handledExtensions: [ASN1ObjectIdentifier]
    ) -> [STIChainFailure] {
        let unhandled = leaf.extensions.filter { $0.critical && !handledExtensions.contains($0.oid) }
        if !unhandled.isEmpty {
            let oids = unhandled.map { String(describing: $0.oid) }.joined(separator: ", ")
            return [
                STIChainFailure(
                    .profileViolation,
                    "leaf \(leaf.chainLabel) has unhandled critical extensions: \(oids)",
                    certificateIndex: 0
                )
            ]
        }
        let candidates = (configuration.trustAnchors + intermediates).filter { $0.subject == leaf.issuer }
        let detail: String
        if candidates.isEmpty {
            detail = "no trust anchor or intermediate is named \"\(leaf.issuer)\""
        } else if !candidates.contains(where: { $0.publicKey.isValidSignature(leaf.signature, for: leaf) }) {
            detail = "no certificate named \"\(leaf.issuer)\" verifies the leaf's signature"
        } else {
            detail = "no issuer path reaches a configured trust anchor"
        }
        return [STIChainFailure(.untrustedChain, "no chain from leaf \(leaf.chainLabel) to a trust anchor: \(detail)")]
    }
}
