import CertificateRevocation
import Crypto
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import STIRTesting
import TNAuthList
import X509

/// The TestPKI, its CRLs, a fetcher publishing every chain, and helpers to sign and verify at a
/// fixed time (2025-01-01T00:00:00Z).
struct Fixture {
    static let spX5U = "https://cert.sp.example/sp-1234.pem"
    static let delegateX5U = "https://cert.enterprise.example/delegate.pem"
    static let subDelegateX5U = "https://cert.pbx.example/tenant.pem"
    static let ospX5U = "https://cert.osp.example/osp.pem"

    let pki: TestPKI
    var now: Date { pki.referenceTime }

    init() throws {
        pki = try TestPKI()
    }

    func tn(_ digits: String) throws -> TelephoneNumber {
        try TelephoneNumber(digits)
    }

    /// The STI-PA indirect CRL, the STI-SCA's CRL and the delegate CA's CRL, listing `revoked`.
    func crls(revoking revoked: [TestPKI.Entity] = [], nextUpdate: Date? = nil, omitSCA: Bool = false) throws -> [CertificateRevocationList] {
        let thisUpdate = now - 3_600
        let next = nextUpdate ?? now + TestPKI.day
        func entries(issuedBy issuer: TestPKI.Entity, indirect: Bool) -> [RevokedCertificate] {
            revoked.filter { $0.certificate.issuer == issuer.certificate.subject }.map {
                RevokedCertificate(
                    serialNumber: $0.certificate.serialNumber,
                    revocationDate: thisUpdate,
                    reason: .keyCompromise,
                    certificateIssuer: indirect ? $0.certificate.issuer : nil
                )
            }
        }
        let pa = try CRLBuilder(
            signer: pki.stiPACRLSigner.certificate, thisUpdate: thisUpdate, nextUpdate: next, crlNumber: CRLNumber(7),
            revokedCertificates: entries(issuedBy: pki.root, indirect: true) + entries(issuedBy: pki.intermediate, indirect: true),
            issuingDistributionPoint: try IssuingDistributionPoint(indirectCRL: true)
        ).sign(with: pki.stiPACRLSigner.certificatePrivateKey)
        let sca = try CRLBuilder(
            signer: pki.subordinateCA.certificate, thisUpdate: thisUpdate, nextUpdate: next, crlNumber: CRLNumber(3),
            revokedCertificates: entries(issuedBy: pki.subordinateCA, indirect: false)
        ).sign(with: pki.subordinateCA.certificatePrivateKey)
        let delegateCA = try CRLBuilder(
            signer: pki.delegateCA.certificate, thisUpdate: thisUpdate, nextUpdate: next, crlNumber: CRLNumber(1),
            revokedCertificates: entries(issuedBy: pki.delegateCA, indirect: false)
        ).sign(with: pki.delegateCA.certificatePrivateKey)
        return omitSCA ? [pa, delegateCA] : [pa, sca, delegateCA]
    }

    func trust(crls: [CertificateRevocationList], anchors: [Certificate]? = nil) -> STITrustConfiguration {
        STITrustConfiguration(
            trustAnchors: anchors ?? [pki.root.certificate],
            crlSigners: [pki.stiPACRLSigner.certificate],
            crlSource: StaticCRLSource(crls)
        )
    }

    /// Every chain published at its x5u (leaf first, without the root).
    var publishedChains: [String: [Certificate]] {
        [
            Self.spX5U: pki.chain(for: pki.endEntity),
            Self.delegateX5U: pki.chain(for: pki.delegateEndEntity),
            Self.subDelegateX5U: pki.chain(for: pki.delegateCAEndEntity),
            Self.ospX5U: pki.chain(for: pki.endEntity),
        ]
    }

    func service(
        crls: [CertificateRevocationList]? = nil,
        anchors: [Certificate]? = nil,
        chains: [String: [Certificate]]? = nil,
        cache: ValidatedChainCache? = nil
    ) throws -> VerificationService {
        let trust = trust(crls: try crls ?? self.crls(), anchors: anchors)
        return VerificationService(
            chainVerifier: STIChainVerifier(configuration: trust),
            fetcher: StaticCertificateChainFetcher(chains ?? publishedChains),
            cache: cache
        )
    }

    func signer(_ entity: TestPKI.Entity, x5u: String, clock: Date? = nil) throws -> AuthenticationService {
        let fixed = clock ?? now
        return try AuthenticationService(privateKey: entity.privateKey, x5u: x5u, clock: { fixed })
    }

    /// A SHAKEN Identity header from the SP certificate: 12155551212 → 12125551213.
    func spShaken(orig: String = "12155551212", dest: [String] = ["12125551213"], iat: Date? = nil) throws -> String {
        let time = iat ?? now
        return try signer(pki.endEntity, x5u: Self.spX5U, clock: time).sign(
            orig: tn(orig), dest: dest.map(tn), attest: .full, origid: "123e4567-e89b-12d3-a456-426655440000", iat: time
        )
    }

    func request(_ headers: [String], orig: String = "12155551212", dest: [String] = ["12125551213"], now: Date? = nil) throws -> VerificationRequest {
        VerificationRequest(identityHeaders: headers, orig: try tn(orig), dest: try dest.map(tn), now: now ?? self.now)
    }

    /// Signs arbitrary header and payload JSON with `key`, returning `<jws>;info=<info>;alg=ES256;ppt=shaken`.
    static func rawIdentity(header: String, payload: String, key: P256.Signing.PrivateKey, info: String) throws -> String {
        let input = Base64URLText.encode(Array(header.utf8)) + "." + Base64URLText.encode(Array(payload.utf8))
        let signature = try key.signature(for: Array(input.utf8))
        return input + "." + Base64URLText.encode(Array(signature.rawRepresentation)) + ";info=<\(info)>;alg=ES256;ppt=shaken"
    }
}

/// base64url without padding, for hand-made tokens.
enum Base64URLText {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
