import Crypto
import Foundation
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import Testing
import X509

@Suite("STIChainVerifier rejects chains that break RFC 5280 or the SHAKEN profile, with the finest code")
struct ChainVerifierProfileTests {
    let pki = ChainFixtures.pki

    @Test("An expired leaf fails with expired at index 0")
    func expiredLeaf() async throws {
        let leaf = try pki.expiredDelegateEndEntity()
        let result = await ChainFixtures.verify(leaf.certificate, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.expired])
        #expect(result.failures.first?.certificateIndex == 0)
    }

    @Test("Before its notBefore a chain fails with notYetValid")
    func notYetValid() async throws {
        let result = await ChainFixtures.verify(
            pki.delegateEndEntity.certificate,
            with: try ChainFixtures.verifier(),
            at: ChainFixtures.now - 2 * TestPKI.day
        )
        #expect(ChainFixtures.codes(result).first == .notYetValid)
        #expect(result.failures.first?.certificateIndex == 0)
    }

    @Test("A chain to a root that is not a trust anchor fails with untrustedChain")
    func untrustedRoot() async throws {
        let otherRoot = try pki.variant(of: pki.root) { template in
            template.publicKey = Certificate.PublicKey(TestPKI.key("other-root").publicKey)
        }
        let result = await ChainFixtures.verify(pki.endEntity.certificate, with: try ChainFixtures.verifier(anchors: [otherRoot]))
        #expect(ChainFixtures.codes(result) == [.untrustedChain])
        #expect(result.failures.first?.certificateIndex == nil)
    }

    @Test("A leaf whose issuer is not offered fails with untrustedChain naming the missing issuer")
    func missingIntermediate() async throws {
        let result = try await ChainFixtures.verifier().verify(leaf: pki.delegateEndEntity.certificate, intermediates: [], at: ChainFixtures.now)
        #expect(ChainFixtures.codes(result) == [.untrustedChain])
        #expect(result.failures.first?.reason.contains("SHAKEN 5678 STI-SCA") == true)
    }

    @Test("A leaf with keyCertSign instead of digitalSignature is a profileViolation")
    func leafKeyCertSign() async throws {
        let leaf = try pki.delegateEndEntityWithWrongKeyUsage()
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.profileViolation])
        #expect(result.failures.first?.certificateIndex == 0)
        #expect(result.failures.first?.reason.contains("keyUsage") == true)
    }

    @Test("A leaf asserting cA=TRUE is a profileViolation")
    func leafIsCA() async throws {
        let leaf = try pki.variant(of: pki.endEntity) { template in
            template.setExtension(try Certificate.Extension(BasicConstraints.isCertificateAuthority(maxPathLength: nil), critical: true))
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.profileViolation])
    }

    @Test("An issuing CA certificate without cA=TRUE is a profileViolation at its index")
    func caWithoutCA() async throws {
        let sca = try pki.variant(of: pki.subordinateCA) { template in
            template.setExtension(try Certificate.Extension(BasicConstraints.notCertificateAuthority, critical: true))
        }
        let result = try await ChainFixtures.verifier().verify(
            leaf: pki.delegateEndEntity.certificate,
            intermediates: [sca, pki.intermediate.certificate],
            at: ChainFixtures.now
        )
        #expect(ChainFixtures.codes(result) == [.profileViolation])
        #expect(result.failures.first?.certificateIndex == 1)
    }

    @Test("A leaf whose certificate policy is not accepted fails with policyNotAccepted", arguments: [
        [SHAKENPolicy.v1_1],
        [] as [ASN1ObjectIdentifier],
    ])
    func policyNotAccepted(_ accepted: [ASN1ObjectIdentifier]) async throws {
        let verifier = try ChainFixtures.verifier(acceptedPolicies: Set(accepted))
        let result = await ChainFixtures.verify(pki.endEntity.certificate, with: verifier)
        #expect(ChainFixtures.codes(result) == [.policyNotAccepted])
        #expect(result.failures.first?.certificateIndex == 0)
    }

    @Test("A leaf without certificatePolicies fails with policyNotAccepted")
    func noPolicies() async throws {
        let leaf = try pki.variant(of: pki.delegateEndEntity) { template in
            template.removeExtension(.STIR.certificatePolicies)
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.policyNotAccepted])
    }

    @Test("A leaf without a TNAuthList is a profileViolation")
    func leafWithoutTNAuthList() async throws {
        let leaf = try pki.variant(of: pki.endEntity) { template in
            template.removeExtension(TNAuthorizationList.oid)
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.profileViolation])
    }

    @Test("A leaf with its TNAuthList by reference fails with byReferenceUnsupported")
    func byReference() async throws {
        let leaf = try pki.variant(of: pki.endEntity) { template in
            template.removeExtension(TNAuthorizationList.oid)
            template.setExtension(try Self.tnListReference("https://tn.example/list.der"))
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.byReferenceUnsupported])
        #expect(result.failures.first?.reason.contains("https://tn.example/list.der") == true)
    }

    @Test("A leaf with a P-384 key fails with unsupportedKey")
    func leafP384() async throws {
        let leaf = try pki.variant(of: pki.endEntity) { template in
            template.publicKey = Certificate.PublicKey(try P384.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 48)).publicKey)
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.unsupportedKey])
    }

    @Test("Critical JWT claim constraints on a CA certificate are a profileViolation, not silently ignored")
    func criticalConstraintsOnCA() async throws {
        let sca = try pki.variant(of: pki.subordinateCA) { template in
            template.setExtension(try Certificate.Extension(try JWTClaimConstraints(mustInclude: ["orig"]), critical: true))
        }
        let result = try await ChainFixtures.verifier().verify(
            leaf: pki.delegateEndEntity.certificate,
            intermediates: [sca, pki.intermediate.certificate],
            at: ChainFixtures.now
        )
        #expect(ChainFixtures.codes(result) == [.profileViolation])
        #expect(result.failures.first?.certificateIndex == 1)
    }

    @Test("A leaf with an unknown critical extension cannot chain: profileViolation at index 0")
    func unknownCriticalExtension() async throws {
        let leaf = try pki.variant(of: pki.endEntity) { template in
            template.setExtension(Certificate.Extension(oid: [1, 3, 6, 1, 4, 1, 99999, 1], critical: true, value: [0x05, 0x00]))
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.profileViolation])
        #expect(result.failures.first?.reason.contains("1.3.6.1.4.1.99999.1") == true)
    }

    @Test("A leaf whose signature does not verify under its issuer fails with untrustedChain")
    func badSignature() async throws {
        let leaf = try pki.variant(of: pki.endEntity, signedBy: pki.subordinateCA) { template in
            template.issuer = pki.intermediate.certificate.subject
        }
        let result = await ChainFixtures.verify(leaf, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.untrustedChain])
        #expect(result.failures.first?.reason.contains("signature") == true)
    }

    /// An AIA extension with one id-ad-stirTNList URI (RFC 8226 §10.1).
    ///
    ///     AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
    ///     AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER, accessLocation GeneralName }
    static func tnListReference(_ uri: String) throws -> Certificate.Extension {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(TNAuthorizationList.stirTNListAccessMethod)
                try coder.serialize(GeneralName.uniformResourceIdentifier(uri))
            }
        }
        return Certificate.Extension(oid: .X509ExtensionID.authorityInformationAccess, critical: false, value: serializer.serializedBytes[...])
    }
}
