import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import Testing
import X509

@Suite("STIChainVerifier uses a CRL only for the certificate's CRL distribution point its IDP names (RFC 5280 §6.3.3 (b)(2)(i))")
struct ChainVerifierDistributionPointTests {
    let pki = ChainFixtures.pki
    static let otherPartition = "https://crl.sti-pa.example/partition-2.crl"

    static func named(_ uri: String) -> DistributionPointName {
        .fullName([.uniformResourceIdentifier(uri)])
    }

    @Test("CRLs whose IDP names the certificates' CRL distribution point URLs decide the chain as good")
    func matchingNames() async throws {
        let crls = [
            try ChainFixtures.stiPACRL(distributionPoint: Self.named(TestPKI.stiPACRLURL)),
            try ChainFixtures.directCRL(of: pki.subordinateCA, distributionPoint: Self.named(TestPKI.scaCRLURL)),
        ]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [])
        #expect(result.validatedChain?.revocation == [.good, .good, .good])
    }

    @Test("An STI-PA CRL for another partition leaves the STI-CA and STI-SCA certificates revocationUnknown")
    func otherIndirectPartition() async throws {
        let crls = [
            try ChainFixtures.stiPACRL(distributionPoint: Self.named(Self.otherPartition)),
            try ChainFixtures.directCRL(of: pki.subordinateCA),
        ]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revocationUnknown, .revocationUnknown])
        #expect(result.failures.map(\.certificateIndex) == [1, 2])
        let mismatch = CRLValidity.UnusableReason.distributionPointMismatch.description
        #expect(result.failures.allSatisfy { $0.reason.contains(mismatch) })
    }

    @Test("A direct CRL for another partition neither revokes nor clears the delegate certificate")
    func otherDirectPartition() async throws {
        let crls = [
            try ChainFixtures.stiPACRL(),
            try ChainFixtures.directCRL(
                of: pki.subordinateCA, revoking: [pki.delegateEndEntity.certificate], distributionPoint: Self.named(Self.otherPartition)
            ),
        ]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revocationUnknown])
        #expect(result.failures.first?.certificateIndex == 0)
    }

    @Test("A CRL of the right partition still revokes when one of another partition is also offered")
    func rightPartitionRevokes() async throws {
        let crls = [
            try ChainFixtures.stiPACRL(),
            try ChainFixtures.directCRL(of: pki.subordinateCA, distributionPoint: Self.named(Self.otherPartition)),
            try ChainFixtures.directCRL(
                of: pki.subordinateCA, revoking: [pki.delegateEndEntity.certificate], distributionPoint: Self.named(TestPKI.scaCRLURL)
            ),
        ]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revoked])
    }
}
