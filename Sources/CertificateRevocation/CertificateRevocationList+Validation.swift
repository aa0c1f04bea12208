import SwiftASN1
import X509

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CertificateRevocationList {
    /// Whether `issuerPublicKey` verifies the signature over the received `tbsCertList` bytes
    /// (RFC 5280 §5.1.1.3, §6.3.3 (g)).
    public func isSignatureValid(issuerPublicKey: Certificate.PublicKey) -> Bool {
        issuerPublicKey.isValidSignature(signatureBytes, for: tbsCertListBytes, signatureAlgorithm: signatureAlgorithm)
    }

    /// Decides whether this CRL may be used for `certificate` at `time` (the essentials of RFC 5280 §6.3.3).
    ///
    /// Checks, in order: no unhandled critical extension; a complete (not delta) CRL with a non-critical
    /// cRLNumber; CRL issuer equals the signer's subject; the signer's keyUsage (when present) has cRLSign; the
    /// signature verifies; the scope — a direct CRL's issuer equals the certificate's issuer, or, when the
    /// distribution point names a `cRLIssuer`, the CRL issuer is one of its directoryNames and the
    /// issuingDistributionPoint asserts indirectCRL (§6.3.3 (b)(1)); the issuingDistributionPoint's
    /// distributionPoint name, when present, against the distribution point's names (§6.3.3 (b)(2)(i), see
    /// ``CRLValidity/UnusableReason/distributionPointMismatch``); its onlyContains… flags against the
    /// certificate's basicConstraints and onlySomeReasons; finally `thisUpdate <= time <= nextUpdate + grace`.
    /// - Parameters:
    ///   - signer: The certificate whose key signed the CRL.
    ///   - certificate: The certificate whose status is wanted.
    ///   - scope: The certificate's CRL distribution point this CRL was fetched for (RFC 5280 §4.2.1.13);
    ///     ``CRLScope/noDistributionPoint`` (the default) for a certificate without one, meaning a direct CRL.
    ///   - time: The validation time.
    ///   - grace: How long after `nextUpdate` the CRL is still accepted.
    public func validate(
        signer: Certificate,
        for certificate: Certificate,
        scope: CRLScope = .noDistributionPoint,
        at time: Date,
        grace: TimeInterval = 0
    ) -> CRLValidity {
        if let problem = structuralProblem() ?? signerProblem(signer) ?? scopeProblem(certificate, scope) {
            return .unusable(problem)
        }
        guard thisUpdate <= time else {
            return .unusable(.notYetValid(thisUpdate: thisUpdate))
        }
        guard let nextUpdate, time <= nextUpdate.addingTimeInterval(max(0, grace)) else {
            return .stale(nextUpdate: nextUpdate)
        }
        return .usable
    }

    /// The revocation status of `certificate` according to this CRL (RFC 5280 §6.3.3).
    ///
    /// An unusable or stale CRL gives ``RevocationStatus/unknown(reason:)``, never ``RevocationStatus/good``.
    /// Parameters are those of ``validate(signer:for:scope:at:grace:)``.
    public func status(
        of certificate: Certificate,
        signer: Certificate,
        scope: CRLScope = .noDistributionPoint,
        at time: Date,
        grace: TimeInterval = 0
    ) -> RevocationStatus {
        switch validate(signer: signer, for: certificate, scope: scope, at: time, grace: grace) {
        case .usable:
            if let entry = revocationStatus(serialNumber: certificate.serialNumber, issuer: certificate.issuer) {
                return .revoked(entry)
            }
            return .good
        case .unusable(let reason):
            return .unknown(reason: reason.description)
        case .stale(let nextUpdate):
            return .unknown(reason: nextUpdate.map { "the CRL is stale: nextUpdate was \($0)" } ?? "the CRL has no nextUpdate")
        }
    }

    private func structuralProblem() -> CRLValidity.UnusableReason? {
        if !unhandledCriticalExtensions.isEmpty {
            return .unhandledCriticalExtensions(unhandledCriticalExtensions)
        }
        if deltaCRLIndicator != nil {
            return .deltaCRL
        }
        guard crlNumber != nil, extensions[oid: .CRLExtensionID.crlNumber]?.critical == false else {
            return .nonConformingCRLNumber
        }
        return nil
    }

    private func signerProblem(_ signer: Certificate) -> CRLValidity.UnusableReason? {
        guard signer.subject == issuer else {
            return .signerNameMismatch
        }
        do {
            if let keyUsage = try signer.extensions.keyUsage, !keyUsage.cRLSign {
                return .signerLacksCRLSign
            }
        } catch {
            return .malformedCertificateExtension("signer keyUsage: \(error)")
        }
        guard isSignatureValid(issuerPublicKey: signer.publicKey) else {
            return .invalidSignature
        }
        return nil
    }

    private func scopeProblem(_ certificate: Certificate, _ scope: CRLScope) -> CRLValidity.UnusableReason? {
        let idp = issuingDistributionPoint
        if scope.isIndirect {
            guard scope.crlIssuerNames.contains(issuer) else {
                return .outOfScope("the CRL issuer is not a cRLIssuer of the certificate's distribution point")
            }
            guard idp?.indirectCRL == true else {
                return .outOfScope("the certificate expects an indirect CRL but indirectCRL is not asserted")
            }
        } else {
            guard certificate.issuer == issuer else {
                return .outOfScope("the certificate's issuer is not the CRL issuer")
            }
        }
        guard let idp else {
            return nil
        }
        if let name = idp.distributionPoint, !covers(name, scope.names(certificateIssuer: certificate.issuer)) {
            return .distributionPointMismatch
        }
        let isCA: Bool
        do {
            if case .isCertificateAuthority = try certificate.extensions.basicConstraints {
                isCA = true
            } else {
                isCA = false
            }
        } catch {
            return .malformedCertificateExtension("certificate basicConstraints: \(error)")
        }
        if idp.onlyContainsUserCerts, isCA {
            return .outOfScope("the CRL only covers end-entity certificates")
        }
        if idp.onlyContainsCACerts, !isCA {
            return .outOfScope("the CRL only covers CA certificates")
        }
        if idp.onlyContainsAttributeCerts {
            return .outOfScope("the CRL only covers attribute certificates")
        }
        if let reasons = idp.onlySomeReasons, !reasons.isSuperset(of: Self.allReasons) {
            return .partialReasonCoverage
        }
        return nil
    }

    /// Whether one of the names of the issuingDistributionPoint's `name` equals one of `pointNames`
    /// (RFC 5280 §6.3.3 (b)(2)(i)); `nameRelativeToCRLIssuer` is appended to this CRL's issuer (§5.2.5).
    /// GeneralNames compare structurally: URIs and DNS names as exact strings, directory names by value.
    private func covers(_ name: DistributionPointName, _ pointNames: [GeneralName]) -> Bool {
        let names: [GeneralName]
        switch name {
        case .fullName(let fullName):
            names = fullName
        case .nameRelativeToCRLIssuer(let fragment):
            names = [.directoryName(CRLScope.append(fragment, to: issuer))]
        }
        return names.contains { pointNames.contains($0) }
    }

    private static let allReasons: ReasonFlags = [
        .keyCompromise, .cACompromise, .affiliationChanged, .superseded, .cessationOfOperation,
        .certificateHold, .privilegeWithdrawn, .aACompromise,
    ]
}

extension CertificateRevocationList {
    /// Builds and signs a version 2 CRL; see ``CRLBuilder`` (RFC 5280 §5.1).
    /// - Throws: ``CertificateRevocationError``.
    public init(
        issuer: DistinguishedName,
        thisUpdate: Date,
        nextUpdate: Date,
        crlNumber: CRLNumber,
        revokedCertificates: [RevokedCertificate] = [],
        authorityKeyIdentifier: AuthorityKeyIdentifier? = nil,
        issuingDistributionPoint: IssuingDistributionPoint? = nil,
        signatureAlgorithm: Certificate.SignatureAlgorithm? = nil,
        issuerPrivateKey: Certificate.PrivateKey
    ) throws {
        self = try CRLBuilder(
            issuer: issuer,
            thisUpdate: thisUpdate,
            nextUpdate: nextUpdate,
            crlNumber: crlNumber,
            revokedCertificates: revokedCertificates,
            authorityKeyIdentifier: authorityKeyIdentifier,
            issuingDistributionPoint: issuingDistributionPoint
        ).sign(with: issuerPrivateKey, signatureAlgorithm: signatureAlgorithm)
    }
}
