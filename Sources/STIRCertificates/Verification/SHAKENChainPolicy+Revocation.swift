import CertificateRevocation
import Foundation
import X509

extension SHAKENChainPolicy {
    /// The revocation status of every certificate except the anchor (RFC 5280 §6.3; ATIS-1000080
    /// §6.3.4 / spec digest §4.6).
    ///
    /// For a certificate whose CRL distribution points name no `cRLIssuer`, a CRL counts only when
    /// signed by the certificate's issuer in this chain (direct CRL). When they name `cRLIssuer`
    /// DNs, a CRL counts only when signed by a configured ``STITrustConfiguration/crlSigners``
    /// certificate with one of those subjects, valid at the validation time, and the CRL asserts
    /// indirectCRL (indirect CRL, RFC 5280 §5.2.5). Each (CRL, signer) pair is judged by
    /// `CertificateRevocationList.status(of:signer:expectedCRLIssuers:at:grace:)`; any `.revoked`
    /// wins, else any `.good`, else the status is `.unknown` — which fails the chain.
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
        let expectedCRLIssuers: [DistinguishedName]
        do {
            expectedCRLIssuers = try certificate.extensions.crlDistributionPoints?.points.flatMap(\.crlIssuerNames) ?? []
        } catch {
            return .unknown(reason: "malformed CRL distribution points: \(error)")
        }
        let signers: [Certificate]
        if expectedCRLIssuers.isEmpty {
            signers = [issuer]
        } else {
            signers = configuration.crlSigners.filter {
                expectedCRLIssuers.contains($0.subject) && $0.notValidBefore <= time && time <= $0.notValidAfter
            }
            if signers.isEmpty {
                let names = expectedCRLIssuers.map(String.init(describing:)).joined(separator: "; ")
                return .unknown(reason: "no configured CRL signer valid at the validation time is named as cRLIssuer (\(names))")
            }
        }

        let crls = await configuration.crlSource.crls(for: certificate)
        guard !crls.isEmpty else {
            return .unknown(reason: "no CRL available")
        }
        var good = false
        var problems: [String] = []
        for crl in crls {
            for signer in signers where signer.subject == crl.issuer {
                let status = crl.status(
                    of: certificate,
                    signer: signer,
                    expectedCRLIssuers: expectedCRLIssuers,
                    at: time,
                    grace: configuration.crlGrace
                )
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
        if good {
            return .good
        }
        if problems.isEmpty {
            return .unknown(reason: "no available CRL is issued by an acceptable CRL signer")
        }
        return .unknown(reason: problems.joined(separator: "; "))
    }
}
