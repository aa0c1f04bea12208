import CertificateRevocation
import Crypto
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import STIRTesting
import TNAuthList
import X509

/// The TestPKI with its CRLs, an STI-AS for the SP certificate and an STI-VS that knows the
/// published chain, all at the TestPKI reference time (2025-01-01T00:00:00Z).
struct InteropFixture {
    static let x5u = "https://cert.sp.example/sp-1234.pem"
    static let orig = "12155551212"
    static let dest = "12125551213"
    static let origid = "123e4567-e89b-12d3-a456-426655440000"

    static let shared: InteropFixture? = try? InteropFixture()

    let pki: TestPKI
    var now: Date { pki.referenceTime }
    var iat: Int64 { Int64(now.timeIntervalSince1970) }

    /// - Parameter referenceTime: the instant certificates, CRLs and PASSporTs are relative to;
    ///   keys derive from fixed labels, so every reference time gives the same keys.
    init(referenceTime: Date = TestPKI.defaultReferenceTime) throws {
        pki = try TestPKI(referenceTime: referenceTime)
    }

    /// The SP end entity's key pair.
    var spKey: P256.Signing.PrivateKey { pki.endEntity.privateKey }

    /// The STI-PA indirect CRL listing `revoked` certificates issued by the intermediate.
    func stiPACRL(revoking revoked: [Certificate] = []) throws -> CertificateRevocationList {
        try CRLBuilder(
            signer: pki.stiPACRLSigner.certificate,
            thisUpdate: now - 3_600,
            nextUpdate: now + TestPKI.day,
            crlNumber: CRLNumber(7),
            revokedCertificates: revoked.map {
                RevokedCertificate(serialNumber: $0.serialNumber, revocationDate: now - 3_600, reason: .keyCompromise, certificateIssuer: $0.issuer)
            },
            issuingDistributionPoint: try IssuingDistributionPoint(indirectCRL: true)
        ).sign(with: pki.stiPACRLSigner.certificatePrivateKey)
    }

    /// A direct CRL of `issuer` listing `revoked`.
    func directCRL(of issuer: TestPKI.Entity, revoking revoked: [Certificate] = [], number: UInt64 = 1) throws -> CertificateRevocationList {
        try CRLBuilder(
            signer: issuer.certificate,
            thisUpdate: now - 3_600,
            nextUpdate: now + TestPKI.day,
            crlNumber: CRLNumber(number),
            revokedCertificates: revoked.map {
                RevokedCertificate(serialNumber: $0.serialNumber, revocationDate: now - 3_600, reason: .keyCompromise)
            }
        ).sign(with: issuer.certificatePrivateKey)
    }

    /// An STI-AS signing with the SP key at the reference time.
    func authenticationService() throws -> AuthenticationService {
        let fixed = now
        return try AuthenticationService(privateKey: spKey, x5u: Self.x5u, clock: { fixed })
    }

    /// An STI-VS trusting the TestPKI root, with the SP chain published at ``x5u``.
    func verificationService() throws -> VerificationService {
        let trust = STITrustConfiguration(
            trustAnchors: [pki.root.certificate],
            crlSigners: [pki.stiPACRLSigner.certificate],
            crlSource: StaticCRLSource([try stiPACRL()])
        )
        return VerificationService(
            chainVerifier: STIChainVerifier(configuration: trust),
            fetcher: StaticCertificateChainFetcher([Self.x5u: pki.chain(for: pki.endEntity)])
        )
    }

    /// Our SHAKEN Identity header for ``orig`` → ``dest``.
    func ourIdentityHeader() throws -> String {
        try authenticationService().sign(
            orig: TelephoneNumber(Self.orig), dest: [TelephoneNumber(Self.dest)], attest: .full, origid: Self.origid, iat: now
        )
    }

    /// Verifies `identityHeader` for ``orig`` → ``dest`` at `time`.
    func verify(_ identityHeader: String, at time: Date) async throws -> VerificationOutcome {
        let request = VerificationRequest(
            identityHeaders: [identityHeader], orig: try TelephoneNumber(Self.orig), dest: [try TelephoneNumber(Self.dest)], now: time
        )
        return try await verificationService().verify(request)
    }

    /// Writes `text` to `name` inside `directory` and returns its path.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Decodes a base64url JWS segment to a JSON object.
    static func jsonObject(segment: Substring) throws -> [String: Any] {
        var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ExternalTool.Failure(description: "JWS segment is not base64url JSON: \(segment)")
        }
        return object
    }
}
