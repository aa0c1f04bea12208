import CertificateRevocation
import Foundation
import X509

extension SHAKENChainPolicy {
    /// The revocation status of every certificate except the anchor (RFC 5280 §6.3; ATIS-1000080
    /// §6.3.4 / spec digest §4.6).
    ///
    /// Each CRL distribution point of a certificate (or, without the extension, the assumed one named
    /// by its issuer, RFC 5280 §6.3.3) is tried in turn. For a point that names no `cRLIssuer`, a CRL counts
    /// only when signed by the certificate's issuer in this chain (direct CRL). For a point that names
    /// `cRLIssuer` DNs, a CRL counts only when signed by a configured ``STITrustConfiguration/crlSigners``
    /// certificate with one of those subjects, valid at the validation time, and the CRL asserts
    /// indirectCRL (indirect CRL, RFC 5280 §5.2.5). A CRL whose issuingDistributionPoint names another
    /// distribution point does not count (RFC 5280 §6.3.3 (b)(2)(i)). Each (CRL, signer, point) is judged by
    /// `CertificateRevocationList.status(of:signer:scope:at:grace:)`; any `.revoked` wins, else any
    /// `.good`, else the status is `.unknown` — which fails the chain.
    func revocationStatuses(_ chain: [Certificate]) async -> (statuses: [RevocationStatus], failures: [STIChainFailure]) {
        let subjects = chain.indices.dropLast()
        guard configuration.revocation == .required else {
            let status = RevocationStatus.unknown(reason: "revocation not checked (RevocationRequirement.notChecked)")
            return (subjects.map { _ in status }, [])
        }
        var statuses: [RevocationStatus] = []
        var failures: [STIChainFailure] = []
        for index in subjects {
            let certificate = chain[index]
            let status = await revocationStatus(of: certificate, issuer: chain[index + 1])
            statuses.append(status)
            switch status {
            case .good:
                break
            case .revoked(let entry):
                let reason = entry.reason.map { ", reason \($0)" } ?? ""
                failures.append(
                    STIChainFailure(
                        .revoked,
                        "certificate \(certificate.chainLabel) was revoked on \(entry.revocationDate)\(reason)",
                        certificateIndex: index
                    )
                )
            case .unknown(let reason):
                failures.append(
                    STIChainFailure(
                        .revocationUnknown,
                        "revocation status of \(certificate.chainLabel) is unknown: \(reason)",
                        certificateIndex: index
                    )
                )
            }
        }
        return (statuses, failures)
    }

    private func revocationStatus(of certificate: Certificate, issuer: Certificate) async -> RevocationStatus {
        let scopes: [CRLScope]
        do {
            scopes = try certificate.extensions.crlDistributionPoints?.points.map(\.crlScope) ?? [.noDistributionPoint]
        } catch {
            return .unknown(reason: "malformed CRL distribution points: \(error)")
        }
        var problems: [String] = []
        let points = scopes.compactMap { scope -> (scope: CRLScope, signers: [Certificate])? in
            let signers = crlSigners(for: scope, issuer: issuer)
            guard signers.isEmpty else {
                return (scope, signers)
            }
            let names = scope.crlIssuerNames.map(String.init(describing:)).joined(separator: "; ")
            problems.append("no configured CRL signer valid at the validation time is named as cRLIssuer (\(names))")
            return nil
        }
        guard !points.isEmpty else {
            return .unknown(reason: problems.joined(separator: "; "))
        }
        let crls = await configuration.crlSource.crls(for: certificate)
        guard !crls.isEmpty else {
            return .unknown(reason: "no CRL available")
        }
        var good = false
        for (scope, signers) in points {
            for crl in crls {
                for signer in signers where signer.subject == crl.issuer {
                    let status = crl.status(of: certificate, signer: signer, scope: scope, at: time, grace: configuration.crlGrace)
                    switch status {
                    case .revoked:
                        return status
                    case .good:
                        good = true
                    case .unknown(let reason):
                        problems.append(reason)
                    }
                }
            }
        }
        if good {
            return .good
        }
        if problems.isEmpty {
            return .unknown(reason: "no available CRL is issued by an acceptable CRL signer")
        }
        return .unknown(reason: problems.joined(separator: "; "))
    }

    /// The certificates that may sign a CRL for `scope`: the certificate's issuer for a direct CRL, else the
    /// configured CRL signers named in `cRLIssuer` and valid at the validation time.
    private func crlSigners(for scope: CRLScope, issuer: Certificate) -> [Certificate] {
        guard scope.isIndirect else {
            return [issuer]
        }
        let names = scope.crlIssuerNames
        return configuration.crlSigners.filter {
            names.contains($0.subject) && $0.notValidBefore <= time && time <= $0.notValidAfter
        }
    }
}
