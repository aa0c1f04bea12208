import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import X509

/// CRLs, configurations and extra certificates around ``TestPKI`` for the chain verification tests.
enum ChainFixtures {
    static var pki: TestPKI { Fixtures.pki }
    static var now: Date { pki.referenceTime }
    static let day = TestPKI.day

    /// The STI-PA indirect CRL (RFC 5280 §5.2.5 indirectCRL), signed by `signer` (default: the STI-PA CRL signer).
    /// Each revoked certificate is listed with its own issuer as certificateIssuer; `distributionPoint` is the
    /// IDP's distribution point name (default: none).
    static func stiPACRL(
        revoking revoked: [Certificate] = [],
        extraEntries: [RevokedCertificate] = [],
        signer: TestPKI.Entity? = nil,
        thisUpdate: Date? = nil,
        nextUpdate: Date? = nil,
        distributionPoint: DistributionPointName? = nil
    ) throws -> CertificateRevocationList {
        let signer = signer ?? pki.stiPACRLSigner
        let entries =
            revoked.map {
                RevokedCertificate(
                    serialNumber: $0.serialNumber,
                    revocationDate: now - day,
                    reason: .keyCompromise,
                    certificateIssuer: $0.issuer
                )
            } + extraEntries
        return try CRLBuilder(
            signer: signer.certificate,
            thisUpdate: thisUpdate ?? now - 3600,
            nextUpdate: nextUpdate ?? now + 86_400,
            crlNumber: CRLNumber(1),
            revokedCertificates: entries,
            issuingDistributionPoint: try IssuingDistributionPoint(distributionPoint: distributionPoint, indirectCRL: true)
        ).sign(with: signer.certificatePrivateKey)
    }

    /// A direct CRL of `issuer` (RFC 5280 §5), signed with `key` (default: the issuer's own key); with
    /// `distributionPoint`, an issuingDistributionPoint naming it.
    static func directCRL(
        of issuer: TestPKI.Entity,
        revoking revoked: [Certificate] = [],
        signingKey key: Certificate.PrivateKey? = nil,
        thisUpdate: Date? = nil,
        nextUpdate: Date? = nil,
        distributionPoint: DistributionPointName? = nil
    ) throws -> CertificateRevocationList {
        try CRLBuilder(
            signer: issuer.certificate,
            thisUpdate: thisUpdate ?? now - 3600,
            nextUpdate: nextUpdate ?? now + 86_400,
            crlNumber: CRLNumber(1),
            revokedCertificates: revoked.map { RevokedCertificate(serialNumber: $0.serialNumber, revocationDate: now - day) },
            issuingDistributionPoint: try distributionPoint.map { try IssuingDistributionPoint(distributionPoint: $0) }
        ).sign(with: key ?? issuer.certificatePrivateKey)
    }

    /// Current, empty CRLs for every CRL issuer of the PKI.
    static func allGoodCRLs() throws -> [CertificateRevocationList] {
        [try stiPACRL(), try directCRL(of: pki.subordinateCA), try directCRL(of: pki.delegateCA)]
    }

    /// A verifier trusting the PKI's root and STI-PA CRL signer.
    static func verifier(
        crls: [CertificateRevocationList]? = nil,
        revocation: RevocationRequirement = .required,
        encompassing: EncompassingMode = .lenient,
        anchors: [Certificate]? = nil,
        crlSigners: [Certificate]? = nil,
        acceptedPolicies: Set<ASN1ObjectIdentifier> = SHAKENPolicy.allVersions
    ) throws -> STIChainVerifier {
        STIChainVerifier(
            configuration: STITrustConfiguration(
                trustAnchors: anchors ?? [pki.root.certificate],
                crlSigners: crlSigners ?? [pki.stiPACRLSigner.certificate],
                acceptedPolicies: acceptedPolicies,
                revocation: revocation,
                crlSource: StaticCRLSource(try crls ?? allGoodCRLs()),
                encompassing: encompassing
            )
        )
    }

    /// Verifies `entity` with every other PKI certificate offered as an intermediate.
    static func verify(_ leaf: Certificate, with verifier: STIChainVerifier, at time: Date? = nil) async -> STIChainVerificationResult {
        await verifier.verify(leaf: leaf, intermediates: intermediates, at: time ?? now)
    }

    /// Every CA certificate of the PKI except the root, in no particular order.
    static var intermediates: [Certificate] {
        [pki.delegateCA.certificate, pki.subordinateCA.certificate, pki.intermediate.certificate]
    }

    /// An STI-SCA whose TNAuthList holds only SPC 9999, with a delegate end entity for 12025557000×10
    /// (ATIS-1000092 §6.2: numbers under an SPC cannot be proven from certificates).
    static func spcOnlySubordinate() throws -> (sca: TestPKI.Entity, leaf: TestPKI.Entity) {
        var serials = SeededRandomNumberGenerator(seed: 0x9999)
        let sca = try TestPKI.issue(
            STICertificateBuilder(), .subordinateCA, label: "sca-9999", issuer: pki.intermediate, serials: &serials,
            subject: .shaken(commonName: "SHAKEN 9999 STI-SCA", organization: "Example SPC-only TNSP", country: "US"),
            validity: (now - 30 * day)...(now + 730 * day),
            crl: (TestPKI.stiPACRLURL, pki.stiPACRLSigner.certificate.subject),
            tnAuthList: TNAuthorizationList([.spc(ServiceProviderCode("9999"))])
        )
        let leaf = try pki.delegateEndEntity(
            tnAuthList: TNAuthorizationList([try TestPKI.range("12025557000", 10)]),
            issuer: sca,
            label: "delegate-under-spc",
            lint: false
        )
        return (sca, leaf)
    }

    /// The codes of a result's failures; empty when valid.
    static func codes(_ result: STIChainVerificationResult) -> [STIChainFailure.Code] {
        result.failures.map(\.code)
    }
}

