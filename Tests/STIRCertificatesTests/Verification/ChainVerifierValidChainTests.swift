import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import TNAuthList
import Testing
import X509

@Suite("STIChainVerifier accepts conforming SHAKEN and delegate chains")
struct ChainVerifierValidChainTests {
    let pki = ChainFixtures.pki

    @Test("A SHAKEN SP chain (root, STI-CA intermediate, SP end entity) is valid and skips the scope-less link")
    func shakenServiceProviderChain() async throws {
        let result = await ChainFixtures.verify(pki.endEntity.certificate, with: try ChainFixtures.verifier())
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.chain == [pki.endEntity.certificate, pki.intermediate.certificate, pki.root.certificate])
        #expect(validated.leafProfile == .endEntity)
        #expect(!validated.isDelegate)
        #expect(validated.links.isEmpty)
        #expect(validated.revocation == [.good, .good])
        #expect(validated.isRevocationChecked)
        #expect(validated.leafScope.contains(try ServiceProviderCode("1234")))
        #expect(validated.notAfter == pki.endEntity.certificate.notValidAfter)
    }

    @Test("A delegate chain (root, intermediate, STI-SCA, delegate EE) is valid and reports its one TNAuthList link")
    func delegateChain() async throws {
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: try ChainFixtures.verifier())
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.chain.count == 4)
        #expect(validated.chain[1] == pki.subordinateCA.certificate)
        #expect(validated.isDelegate)
        #expect(validated.links == [ScopeLinkResult(childIndex: 0, parentIndex: 1, encompassing: .encompassed)])
        #expect(validated.unprovableScopes.isEmpty)
        #expect(validated.revocation == [.good, .good, .good])
        #expect(validated.leafScope.contains(try TelephoneNumber("12025550115")))
        #expect(!validated.leafScope.contains(try TelephoneNumber("12025550120")))
    }

    @Test("A sub-delegation chain (STI-SCA, delegate CA, EE) is valid with encompassing at both links")
    func subDelegationChain() async throws {
        let result = await ChainFixtures.verify(pki.delegateCAEndEntity.certificate, with: try ChainFixtures.verifier())
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.chain.count == 5)
        #expect(validated.isDelegate)
        #expect(
            validated.links == [
                ScopeLinkResult(childIndex: 0, parentIndex: 1, encompassing: .encompassed),
                ScopeLinkResult(childIndex: 1, parentIndex: 2, encompassing: .encompassed),
            ]
        )
        #expect(validated.revocation.count == 4)
        #expect(validated.notAfter == validated.chain.map(\.notValidAfter).min())
    }

    @Test("Leaf claim constraints are exposed for the PASSporT layer")
    func claimConstraintsExposed() async throws {
        let constraints = try JWTClaimConstraints(mustInclude: ["orig"])
        let leaf = try pki.variant(of: pki.delegateEndEntity) { template in
            template.setExtension(try Certificate.Extension(constraints, critical: true))
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.claimConstraints.jwt == constraints)
        #expect(validated.claimConstraints.enhanced == nil)
    }

    @Test("A PEM bundle, leaf first, verifies like the certificates it holds")
    func pemBundle() async throws {
        let bundle = try pki.chain(for: pki.delegateEndEntity).map { try $0.serializeAsPEM().pemString }.joined(separator: "\n")
        let result = try await ChainFixtures.verifier().verify(chainPEM: bundle, at: ChainFixtures.now)
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.leaf == pki.delegateEndEntity.certificate)
    }

    @Test("Bundles that are not PEM certificates give malformedCertificate", arguments: [
        "",
        "not a certificate",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
    ])
    func malformedBundle(_ bundle: String) async throws {
        let result = try await ChainFixtures.verifier().verify(chainPEM: bundle, at: ChainFixtures.now)
        #expect(ChainFixtures.codes(result) == [.malformedCertificate])
    }

    @Test("Without revocation checking the chain is valid but marked unchecked with unknown statuses")
    func revocationNotChecked() async throws {
        let verifier = try ChainFixtures.verifier(crls: [], revocation: .notChecked)
        let result = await ChainFixtures.verify(pki.delegateEndEntity.certificate, with: verifier)
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(!validated.isRevocationChecked)
        #expect(validated.revocation.allSatisfy { if case .unknown = $0 { true } else { false } })
    }
}
