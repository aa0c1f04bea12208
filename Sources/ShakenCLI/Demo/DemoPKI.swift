import CertificateRevocation
import Crypto
import Foundation
import STIRCertificates
import TNAuthList
import X509

/// The demo's PKI, built with the product builders and fresh system-random keys at the current time:
/// STI-PA CRL signer, STI-CA root and intermediate, an OSP's SHAKEN certificate, the OSP's STI-SCA
/// certificate (SPC + TN range) and an enterprise's delegate certificate for a sub-range
/// (ATIS-1000080 §6.4.1, ATIS-1000092 §5.3, RFC 9060 §4).
struct DemoPKI {
    struct Entity {
        let certificate: Certificate
        let key: P256.Signing.PrivateKey
        var signingKey: Certificate.PrivateKey { Certificate.PrivateKey(key) }
    }

    static let staPACRLURL = "https://crl.sti-pa.example/sti-pa.crl"
    static let scaCRLURL = "https://crl.tnsp.example/sca.crl"
    static let scaRange = (start: "12025550100", count: 100)
    static let delegateRange = (start: "12025550110", count: 10)

    let crlSigner: Entity
    let root: Entity
    let intermediate: Entity
    let ospEndEntity: Entity
    let subordinateCA: Entity
    let delegate: Entity
    let now: Date

    init(now: Date) throws {
        self.now = now
        let start = now.addingTimeInterval(-3600)
        let builder = STICertificateBuilder()
        var generator = SystemRandomNumberGenerator()
        func name(_ cn: String, _ org: String) throws -> DistinguishedName {
            try DistinguishedName.shaken(commonName: cn, organization: org, country: "US")
        }
        func issue(
            _ profile: STICertificateProfile, _ subject: DistinguishedName, by issuer: Entity?, days: Double,
            tnAuthList: TNAuthorizationList? = nil, crl: (url: String, issuer: DistinguishedName?)? = nil
        ) throws -> Entity {
            let key = P256.Signing.PrivateKey()
            let request = STICertificateRequest(
                profile: profile, subject: subject, publicKey: Certificate.PublicKey(key.publicKey), tnAuthList: tnAuthList,
                notValidBefore: start, notValidAfter: now.addingTimeInterval(days * 86_400),
                crlDistributionPointURL: crl?.url, crlIssuer: crl?.issuer
            )
            let signer: STICertificateBuilder.Issuer =
                issuer.map { .certificate($0.certificate, privateKey: $0.signingKey) } ?? .selfSigned(Certificate.PrivateKey(key))
            return Entity(certificate: try builder.issue(request, issuer: signer, using: &generator), key: key)
        }

        let paKey = P256.Signing.PrivateKey()
        crlSigner = Entity(
            certificate: try STICertificateBuilder.issueCRLSigner(
                subject: try name("STI-PA CRL Signer", "Demo STI-PA"), privateKey: Certificate.PrivateKey(paKey),
                notValidBefore: start, notValidAfter: now.addingTimeInterval(3650 * 86_400), using: &generator
            ),
            key: paKey
        )
        let paCRL = (url: Self.staPACRLURL, issuer: Optional(crlSigner.certificate.subject))
        root = try issue(.root, try name("SHAKEN ROOT Demo STI-CA", "Demo STI-CA"), by: nil, days: 3650)
        intermediate = try issue(.intermediate, try name("SHAKEN Intermediate Demo STI-CA", "Demo STI-CA"), by: root, days: 1825, crl: paCRL)
        ospEndEntity = try issue(
            .endEntity, try name("SHAKEN 5678", "Demo TNSP"), by: intermediate, days: 365,
            tnAuthList: try TNAuthorizationList([.spc(ServiceProviderCode("5678"))]), crl: paCRL
        )
        subordinateCA = try issue(
            .subordinateCA, try name("SHAKEN 5678 STI-SCA", "Demo TNSP"), by: intermediate, days: 730,
            tnAuthList: try TNAuthorizationList([
                .spc(ServiceProviderCode("5678")),
                .range(TelephoneNumberRange(start: TelephoneNumber(Self.scaRange.start), count: Self.scaRange.count)),
            ]),
            crl: paCRL
        )
        delegate = try issue(
            .delegateEndEntity, try name("Demo Enterprise", "Demo Enterprise Inc"), by: subordinateCA, days: 90,
            tnAuthList: try TNAuthorizationList([
                .range(TelephoneNumberRange(start: TelephoneNumber(Self.delegateRange.start), count: Self.delegateRange.count))
            ]),
            crl: (Self.scaCRLURL, nil)
        )
    }

    /// The STI-PA's indirect CRL covering STI-CA and STI-SCA certificates (nothing revoked).
    func stiPACRL() throws -> CertificateRevocationList {
        try CRLBuilder(
            signer: crlSigner.certificate, thisUpdate: now.addingTimeInterval(-60), nextUpdate: now.addingTimeInterval(7 * 86_400),
            crlNumber: CRLNumber(1), issuingDistributionPoint: try IssuingDistributionPoint(indirectCRL: true)
        ).sign(with: crlSigner.signingKey)
    }

    /// The STI-SCA's direct CRL, optionally revoking the delegate certificate.
    func scaCRL(revokingDelegate: Bool, number: UInt64) throws -> CertificateRevocationList {
        let entries =
            revokingDelegate
            ? [RevokedCertificate(serialNumber: delegate.certificate.serialNumber, revocationDate: now.addingTimeInterval(-30), reason: .keyCompromise)]
            : []
        return try CRLBuilder(
            signer: subordinateCA.certificate, thisUpdate: now.addingTimeInterval(-60), nextUpdate: now.addingTimeInterval(86_400),
            crlNumber: CRLNumber(number), revokedCertificates: entries
        ).sign(with: subordinateCA.signingKey)
    }
}
