import CertificateRevocation
import Foundation
import PolicyAdministration
import PolicyAdministrationTesting
import STIRCertificates
import STIRTesting
import Testing
import X509

@Suite("SHAKEN CRL revocation by the PA operator")
struct SHAKENCRLTests {
    static func publisher(_ pki: TestPKI, store: any RevocationStore = InMemoryRevocationStore()) -> SHAKENCRLPublisher {
        let issuer = SHAKENCRLIssuer(
            signerCertificate: pki.stiPACRLSigner.certificate,
            signerKey: pki.stiPACRLSigner.certificatePrivateKey,
            validity: 86_400,
            distributionPointURL: TestPKI.stiPACRLURL
        )
        return SHAKENCRLPublisher(store: store, issuer: issuer, refreshInterval: 3600)
    }

    static func verifier(_ pki: TestPKI, _ crl: CertificateRevocationList) -> STIChainVerifier {
        STIChainVerifier(configuration: STITrustConfiguration(
            trustAnchors: [pki.root.certificate],
            crlSigners: [pki.stiPACRLSigner.certificate],
            revocation: .required,
            crlSource: StaticCRLSource([crl])
        ))
    }

    @Test("the CRL lists revoked SP and SCA certificates as an indirect CRL signed by the PA CRL signer")
    func listsRevocations() async throws {
        let pki = try TestPKI()
        let now = pki.referenceTime
        let publisher = Self.publisher(pki)
        try await publisher.revoke(pki.endEntity.certificate, reason: .keyCompromise, at: now - 60)
        let crl = try await publisher.revoke(pki.subordinateCA.certificate, reason: .unspecified, at: now - 30)
        #expect(crl.issuer == pki.stiPACRLSigner.certificate.subject)
        #expect(crl.isSignatureValid(issuerPublicKey: pki.stiPACRLSigner.certificate.publicKey))
        #expect(crl.issuingDistributionPoint?.indirectCRL == true)
        #expect(crl.nextUpdate == crl.thisUpdate + 86_400)
        let entries = Array(crl.revokedCertificates)
        #expect(entries.map(\.serialNumber) == [pki.endEntity.certificate.serialNumber, pki.subordinateCA.certificate.serialNumber])
        #expect(entries.allSatisfy { $0.certificateIssuer == pki.intermediate.certificate.subject })
        #expect(entries.map(\.reason) == [.keyCompromise, nil])
        #expect(crl.revocationStatus(serialNumber: pki.endEntity.certificate.serialNumber, issuer: pki.intermediate.certificate.subject) != nil)
    }

    @Test("STIChainVerifier accepts the SP chain with the PA CRL until the operator revokes it, then rejects it")
    func chainVerifierRejectsRevoked() async throws {
        let pki = try TestPKI()
        let publisher = Self.publisher(pki)
        let chain = [pki.intermediate.certificate]
        let before = try await publisher.revoke(pki.subordinateCA.certificate, reason: .cessationOfOperation, at: pki.referenceTime - 60)
        let good = await Self.verifier(pki, before).verify(leaf: pki.endEntity.certificate, intermediates: chain, at: pki.referenceTime)
        #expect(good.validatedChain != nil, "\(good.failures)")
        let after = try await publisher.revoke(pki.endEntity.certificate, reason: .keyCompromise, at: pki.referenceTime - 30)
        let revoked = await Self.verifier(pki, after).verify(leaf: pki.endEntity.certificate, intermediates: chain, at: pki.referenceTime)
        #expect(revoked.validatedChain == nil)
        #expect(revoked.failures.contains { $0.code == .revoked }, "\(revoked.failures)")
    }

    @Test("CRL numbers increase with every CRL made; the cache serves one CRL until the refresh interval")
    func numbersAndCaching() async throws {
        let pki = try TestPKI()
        let now = pki.referenceTime
        let publisher = Self.publisher(pki)
        let first = try await publisher.currentCRL(at: now)
        #expect(first.crlNumber == CRLNumber(1) && first.count == 0)
        #expect(try await publisher.currentCRL(at: now + 3599).crlNumber == CRLNumber(1))
        let refreshed = try await publisher.currentCRL(at: now + 3600)
        #expect(refreshed.crlNumber == CRLNumber(2) && refreshed.thisUpdate == now + 3600)
        let afterRevocation = try await publisher.revoke(pki.endEntity.certificate, reason: .superseded, at: now + 3700)
        #expect(afterRevocation.crlNumber == CRLNumber(3) && afterRevocation.count == 1)
        #expect(try await publisher.currentCRL(at: now + 3701).crlNumber == CRLNumber(3))
    }

    @Test("revocations persist in the store: a new publisher over the same store lists them with a higher number")
    func durable() async throws {
        let pki = try TestPKI()
        let store = InMemoryRevocationStore()
        try await Self.publisher(pki, store: store).revoke(pki.endEntity.certificate, reason: .keyCompromise, at: pki.referenceTime)
        let crl = try await Self.publisher(pki, store: store).currentCRL(at: pki.referenceTime + 1)
        #expect(crl.count == 1 && crl.crlNumber == CRLNumber(2))
    }

    @Test("revoking twice, with removeFromCRL, or with an empty serial is refused")
    func refusals() async throws {
        let pki = try TestPKI()
        let publisher = Self.publisher(pki)
        try await publisher.revoke(pki.endEntity.certificate, reason: .keyCompromise, at: pki.referenceTime)
        await StoreContract.expectCode(.alreadyRevoked) {
            try await publisher.revoke(pki.endEntity.certificate, reason: .superseded, at: pki.referenceTime)
        }
        await StoreContract.expectCode(.invalidRevocation) {
            try await publisher.revoke(pki.subordinateCA.certificate, reason: .removeFromCRL, at: pki.referenceTime)
        }
        await StoreContract.expectCode(.invalidRevocation) {
            try await publisher.revoke(
                serialNumber: Certificate.SerialNumber(bytes: []),
                issuerName: pki.intermediate.certificate.subject,
                reason: .keyCompromise,
                at: pki.referenceTime
            )
        }
    }
}
