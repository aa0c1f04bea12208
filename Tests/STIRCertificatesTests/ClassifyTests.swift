import STIRCertificates
import STIRTesting
import Testing
import TNAuthList
import X509

@Suite("Profile classification (ATIS-1000092 Figure 6.1 reconstruction)")
struct ClassifyTests {
    @Test("Without an issuer certificate the certificate alone decides")
    func withoutIssuer() {
        let pki = Fixtures.pki
        #expect(STICertificateProfile.classify(pki.root.certificate, issuer: nil) == .root)
        #expect(STICertificateProfile.classify(pki.intermediate.certificate, issuer: nil) == .intermediate)
        #expect(STICertificateProfile.classify(pki.endEntity.certificate, issuer: nil) == .endEntity)
        #expect(STICertificateProfile.classify(pki.subordinateCA.certificate, issuer: nil) == .subordinateCA)
        #expect(STICertificateProfile.classify(pki.delegateEndEntity.certificate, issuer: nil) == .delegateEndEntity)
        // A sub-delegating CA is only recognisable through its TNAuthList-bearing issuer.
        #expect(STICertificateProfile.classify(pki.delegateCA.certificate, issuer: nil) == .subordinateCA)
        #expect(STICertificateProfile.classify(pki.delegateCA.certificate, issuer: pki.subordinateCA.certificate) == .delegateCA)
    }

    @Test("An SPC-only end entity under a TNAuthList-bearing CA is a delegate certificate")
    func spcUnderScopedCA() throws {
        let pki = Fixtures.pki
        let spcOnly = try pki.variant(of: pki.delegateEndEntity) { template in
            template.setExtension(try Certificate.Extension(TNAuthorizationList([.spc(ServiceProviderCode("5678"))]), critical: false))
        }
        #expect(STICertificateProfile.classify(spcOnly, issuer: pki.subordinateCA.certificate) == .delegateEndEntity)
        #expect(STICertificateProfile.classify(spcOnly, issuer: pki.intermediate.certificate) == .endEntity)
    }
}
