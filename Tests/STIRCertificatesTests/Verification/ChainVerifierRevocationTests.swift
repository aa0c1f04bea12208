import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import Testing
import X509

@Suite("STIChainVerifier checks revocation of every non-anchor certificate and never passes an unknown status")
struct ChainVerifierRevocationTests {
    let pki = ChainFixtures.pki

    @Test("A delegate EE on its STI-SCA's direct CRL is revoked")
    func revokedDelegate() async throws {
        let crls = [
            try ChainFixtures.stiPACRL(),
            try ChainFixtures.directCRL(of: pki.subordinateCA, revoking: [pki.delegateEndEntity.certificate]),
        ]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revoked])
        #expect(result.failures.first?.certificateIndex == 0)
    }

    @Test("An STI-SCA certificate on the STI-PA indirect CRL (cRLIssuer) is revoked")
    func revokedSubordinateOnIndirectCRL() async throws {
        let crls = [
            try ChainFixtures.stiPACRL(revoking: [pki.subordinateCA.certificate]),
            try ChainFixtures.directCRL(of: pki.subordinateCA),
        ]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revoked])
        #expect(result.failures.first?.certificateIndex == 1)
    }

    @Test("A SHAKEN SP certificate on the STI-PA indirect CRL is revoked")
    func revokedServiceProvider() async throws {
        let crls = [try ChainFixtures.stiPACRL(revoking: [pki.endEntity.certificate])]
        let result = await ChainFixtures.verify(pki.endEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revoked])
    }

    @Test("Without the STI-SCA's CRL the delegate's status is unknown and the chain fails")
    func missingCRL() async throws {
        let result = await ChainFixtures.verify(
            pki.delegateEndEntity.certificate,
            with: try ChainFixtures.verifier(crls: [try ChainFixtures.stiPACRL()])
        )
        #expect(ChainFixtures.codes(result) == [.revocationUnknown])
        #expect(result.failures.first?.certificateIndex == 0)
    }

    @Test("With no CRL at all every non-anchor certificate is revocationUnknown")
    func noCRLs() async throws {
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: []))
        #expect(ChainFixtures.codes(result) == [.revocationUnknown, .revocationUnknown, .revocationUnknown])
        #expect(result.failures.map(\.certificateIndex) == [0, 1, 2])
    }

    @Test("A CRL past nextUpdate plus grace is stale: revocationUnknown; within grace it is used")
    func staleCRL() async throws {
        let now = ChainFixtures.now
        let stale = try ChainFixtures.directCRL(of: pki.subordinateCA, thisUpdate: now - 3 * 86_400, nextUpdate: now - 7200)
        let result = await ChainFixtures.verify(
            pki.delegateEndEntity.certificate,
            with: try ChainFixtures.verifier(crls: [try ChainFixtures.stiPACRL(), stale])
        )
        #expect(ChainFixtures.codes(result) == [.revocationUnknown])
        #expect(result.failures.first?.reason.contains("stale") == true)

        let late = try ChainFixtures.directCRL(of: pki.subordinateCA, thisUpdate: now - 3 * 86_400, nextUpdate: now - 1800)
        let withinGrace = await ChainFixtures.verify(
            pki.delegateEndEntity.certificate,
            with: try ChainFixtures.verifier(crls: [try ChainFixtures.stiPACRL(), late])
        )
        #expect(withinGrace.validatedChain != nil, "\(withinGrace.failures)")
    }

    @Test("A CRL signed by the wrong key is unusable: revocationUnknown, even if it lists nothing")
    func wrongKey() async throws {
        let forged = try ChainFixtures.directCRL(
            of: pki.subordinateCA,
            signingKey: Certificate.PrivateKey(TestPKI.key("attacker"))
        )
        let result = await ChainFixtures.verify(
            pki.delegateEndEntity.certificate,
            with: try ChainFixtures.verifier(crls: [try ChainFixtures.stiPACRL(), forged])
        )
        #expect(ChainFixtures.codes(result) == [.revocationUnknown])
        #expect(result.failures.first?.reason.contains("signature") == true)
    }

    @Test("A forged revocation (wrong key) does not revoke and a genuine good CRL still decides")
    func forgedRevocationIgnored() async throws {
        let forged = try ChainFixtures.directCRL(
            of: pki.subordinateCA,
            revoking: [pki.delegateEndEntity.certificate],
            signingKey: Certificate.PrivateKey(TestPKI.key("attacker"))
        )
        let crls = [try ChainFixtures.stiPACRL(), forged, try ChainFixtures.directCRL(of: pki.subordinateCA)]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(result.validatedChain != nil, "\(result.failures)")
    }

    @Test("An indirect CRL from an STI-PA signer that is not configured gives revocationUnknown")
    func unconfiguredCRLSigner() async throws {
        let result = await ChainFixtures.verify(
            pki.endEntity.certificate,
            with: try ChainFixtures.verifier(crlSigners: [])
        )
        #expect(ChainFixtures.codes(result) == [.revocationUnknown, .revocationUnknown])
    }

    @Test("A serial revoked for a different issuer does not revoke our certificate")
    func serialOfDifferentIssuer() async throws {
        let otherIssuer = try DistinguishedName.shaken(commonName: "SHAKEN Other STI-CA", organization: "Other CA", country: "US")
        let entry = RevokedCertificate(
            serialNumber: pki.subordinateCA.certificate.serialNumber,
            revocationDate: ChainFixtures.now - 86_400,
            certificateIssuer: otherIssuer
        )
        let crls = [try ChainFixtures.stiPACRL(extraEntries: [entry]), try ChainFixtures.directCRL(of: pki.subordinateCA)]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.revocation == [.good, .good, .good])
    }

    @Test("A direct CRL of the STI-SCA does not cover the STI-SCA itself, whose CRL is the STI-PA's")
    func directCRLOutOfScopeForIndirectCertificate() async throws {
        let crls = [try ChainFixtures.directCRL(of: pki.intermediate), try ChainFixtures.directCRL(of: pki.subordinateCA)]
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier(crls: crls))
        #expect(ChainFixtures.codes(result) == [.revocationUnknown, .revocationUnknown])
        #expect(result.failures.map(\.certificateIndex) == [1, 2])
    }

    @Test("StaticCRLSource returns direct CRLs of the issuer and indirect CRLs of named cRLIssuers only")
    func staticSource() async throws {
        let stiPA = try ChainFixtures.stiPACRL()
        let sca = try ChainFixtures.directCRL(of: pki.subordinateCA)
        let delegateCA = try ChainFixtures.directCRL(of: pki.delegateCA)
        let source = StaticCRLSource([stiPA, sca, delegateCA])
        #expect(await source.crls(for: pki.delegateEndEntity.certificate) == [sca])
        #expect(await source.crls(for: pki.subordinateCA.certificate) == [stiPA])
        #expect(await source.crls(for: pki.root.certificate).isEmpty)
    }
}
