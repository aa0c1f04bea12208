import CertificateRevocation
import Crypto
import Foundation
import STIRCertificates
import TNAuthList
import X509

/// A SHAKEN root, STI-CA intermediate and SP end entity (SPC 1234), with the STI-PA indirect CRL
/// covering the intermediate and the end entity (ATIS-1000080 §6.3, ATIS-1000074 §5.3).
struct BenchmarkPKI: Sendable {
    static let x5u = "https://cert.sp.example/sp-1234.pem"
    static let crlURL = "https://crl.sti-pa.example/shaken.crl"

    let referenceTime: Date
    let root: Certificate
    let intermediate: Certificate
    /// The STI-CA intermediate's key, which the issuance benchmark's ACME issuer signs with.
    let intermediateKey: P256.Signing.PrivateKey
    let leaf: Certificate
    let leafKey: P256.Signing.PrivateKey
    let crlSigner: Certificate
    let crl: CertificateRevocationList

    /// Builds the PKI with validity windows around `referenceTime`; the CRL lists `revokedEntries`
    /// unrelated serial numbers so revocation lookups have something to search.
    init(referenceTime: Date, revokedEntries: Int) throws {
        self.referenceTime = referenceTime
        let day: TimeInterval = 86_400
        var random = SystemRandomNumberGenerator()
        let builder = STICertificateBuilder()

        let crlSignerKey = P256.Signing.PrivateKey()
        let crlSignerName = try DistinguishedName.shaken(commonName: "STI-PA CRL Signer", organization: "Example STI-PA", country: "US")
        crlSigner = try STICertificateBuilder.issueCRLSigner(
            subject: crlSignerName,
            privateKey: Certificate.PrivateKey(crlSignerKey),
            notValidBefore: referenceTime - 365 * day,
            notValidAfter: referenceTime + 3650 * day,
            using: &random
        )

        let rootKey = P256.Signing.PrivateKey()
        root = try builder.issue(
            STICertificateRequest(
                profile: .root,
                subject: .shaken(commonName: "SHAKEN ROOT Bench", organization: "Bench STI-CA", country: "US"),
                publicKey: Certificate.PublicKey(rootKey.publicKey),
                notValidBefore: referenceTime - 365 * day,
                notValidAfter: referenceTime + 3650 * day
            ),
            issuer: .selfSigned(Certificate.PrivateKey(rootKey)),
            using: &random
        )
        let intermediateKey = P256.Signing.PrivateKey()
        self.intermediateKey = intermediateKey
        intermediate = try builder.issue(
            STICertificateRequest(
                profile: .intermediate,
                subject: .shaken(commonName: "SHAKEN Intermediate Bench", organization: "Bench STI-CA", country: "US"),
                publicKey: Certificate.PublicKey(intermediateKey.publicKey),
                notValidBefore: referenceTime - 180 * day,
                notValidAfter: referenceTime + 1825 * day,
                crlDistributionPointURL: Self.crlURL,
                crlIssuer: crlSignerName
            ),
            issuer: .certificate(root, privateKey: Certificate.PrivateKey(rootKey)),
            using: &random
        )
        leafKey = P256.Signing.PrivateKey()
        leaf = try builder.issue(
            STICertificateRequest(
                profile: .endEntity,
                subject: .shaken(commonName: "SHAKEN 1234", organization: "Bench Service Provider", country: "US"),
                publicKey: Certificate.PublicKey(leafKey.publicKey),
                tnAuthList: TNAuthorizationList([.spc(ServiceProviderCode("1234"))]),
                notValidBefore: referenceTime - day,
                notValidAfter: referenceTime + 365 * day,
                crlDistributionPointURL: Self.crlURL,
                crlIssuer: crlSignerName
            ),
            issuer: .certificate(intermediate, privateKey: Certificate.PrivateKey(intermediateKey)),
            using: &random
        )

        let intermediateName = intermediate.subject
        let revoked = (0..<revokedEntries).map { index in
            RevokedCertificate(
                serialNumber: CRLWorkload.serialNumber(index),
                revocationDate: referenceTime - 7 * day,
                reason: .keyCompromise,
                certificateIssuer: intermediateName
            )
        }
        crl = try CRLBuilder(
            signer: crlSigner,
            thisUpdate: referenceTime - 3_600,
            nextUpdate: referenceTime + day,
            crlNumber: CRLNumber(1),
            revokedCertificates: revoked,
            issuingDistributionPoint: try IssuingDistributionPoint(indirectCRL: true)
        ).sign(with: Certificate.PrivateKey(crlSignerKey))
    }

    /// The chain published at ``x5u``: the end entity then the intermediate.
    var publishedChain: [Certificate] { [leaf, intermediate] }
}
