import CertificateRevocation
import Foundation
import STIRCertificates
import STIRTesting
import TNAuthList
import Testing
import X509

/// A TN inventory that cannot be reached.
private struct FailingInventory: TNInventory {
    struct Unreachable: Error {}
    func numbers(heldBy spc: ServiceProviderCode) async throws -> TNScope? {
        throw Unreachable()
    }
}

@Suite("STIChainVerifier enforces RFC 9060 scope encompassing at every TNAuthList link")
struct ChainVerifierScopeTests {
    let pki = ChainFixtures.pki

    @Test("A child range outside its parent's range fails with scopeNotEncompassed naming the link")
    func outOfRange() async throws {
        let leaf = try pki.outOfRangeDelegateEndEntity()
        let crls = try ChainFixtures.allGoodCRLs()
        let result = await ChainFixtures.verify(leaf.certificate, with: try ChainFixtures.verifier(crls: crls))
        let failure = try #require(result.failures.first { $0.code == .scopeNotEncompassed })
        #expect(ChainFixtures.codes(result) == [.scopeNotEncompassed])
        #expect(failure.certificateIndex == 0)
        #expect(failure.reason.contains("certificate 0"))
        #expect(failure.reason.contains("certificate 1"))
        #expect(failure.reason.contains("12025559000"))
    }

    @Test("A range spilling past the last number of a numbers-only parent is not encompassed")
    func rangeSpill() async throws {
        let leaf = try pki.delegateEndEntity(
            tnAuthList: TNAuthorizationList([try TestPKI.range("12025550195", 10)]),
            issuer: pki.delegateCA,
            label: "delegate-spill",
            lint: false
        )
        let result = await ChainFixtures.verify(leaf.certificate, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.scopeNotEncompassed])
        #expect(result.failures.first?.reason.contains("12025550200") == true)
    }

    @Test("A delegate listing an SPC its parent does not hold is not encompassed")
    func foreignSPC() async throws {
        let leaf = try pki.delegateEndEntity(
            tnAuthList: TNAuthorizationList([.spc(try ServiceProviderCode("4321"))]),
            label: "delegate-foreign-spc",
            lint: false
        )
        let result = await ChainFixtures.verify(leaf.certificate, with: try ChainFixtures.verifier())
        #expect(ChainFixtures.codes(result) == [.scopeNotEncompassed])
    }

    @Test("A CA without TNAuthList under a TNAuthList-bearing CA escapes its scope")
    func unconstrainedSubCA() async throws {
        let unconstrained = try pki.variant(of: pki.delegateCA) { template in
            template.removeExtension(TNAuthorizationList.oid)
        }
        let result = await ChainFixtures.pki.delegateCAEndEntity.certificate.verify(
            intermediates: [unconstrained, pki.subordinateCA.certificate, pki.intermediate.certificate]
        )
        let failure = try #require(result.failures.first { $0.code == .scopeNotEncompassed })
        #expect(failure.certificateIndex == 1)
    }

    @Test("Lenient mode: numbers under an SPC-only STI-SCA are valid with an unprovable note")
    func lenientSPCOnly() async throws {
        let (sca, leaf) = try ChainFixtures.spcOnlySubordinate()
        let verifier = try ChainFixtures.verifier(crls: [try ChainFixtures.stiPACRL(), try ChainFixtures.directCRL(of: sca)])
        let result = await verifier.verify(leaf: leaf.certificate, intermediates: [sca.certificate, pki.intermediate.certificate], at: ChainFixtures.now)
        let validated = try #require(result.validatedChain, "\(result.failures)")
        let note = try #require(validated.unprovableScopes.first)
        #expect(validated.unprovableScopes.count == 1)
        #expect(note.childIndex == 0)
        #expect(note.parentIndex == 1)
        guard case .unprovable(_, let codes) = note.encompassing else {
            Issue.record("expected an unprovable verdict, got \(note.encompassing)")
            return
        }
        #expect(codes == [try ServiceProviderCode("9999")])
        #expect(note.description.hasPrefix("certificate 0 under certificate 1: unprovable: "), "\(note)")
        #expect(note.description.hasSuffix(" under SPC 9999"), "\(note)")
    }

    @Test("Strict mode with an inventory holding the numbers under the SPC is valid")
    func strictWithInventory() async throws {
        let (sca, leaf) = try ChainFixtures.spcOnlySubordinate()
        let inventory = StaticTNInventory([try ServiceProviderCode("9999"): TNScope(entries: [try TestPKI.range("12025557000", 100)])])
        let verifier = try ChainFixtures.verifier(
            crls: [try ChainFixtures.stiPACRL(), try ChainFixtures.directCRL(of: sca)],
            encompassing: .strict(inventory)
        )
        let result = await verifier.verify(leaf: leaf.certificate, intermediates: [sca.certificate, pki.intermediate.certificate], at: ChainFixtures.now)
        let validated = try #require(result.validatedChain, "\(result.failures)")
        #expect(validated.links == [ScopeLinkResult(childIndex: 0, parentIndex: 1, encompassing: .encompassed)])
        #expect(validated.unprovableScopes.isEmpty)
    }

    /// The inventories of the strict-mode failure cases.
    enum InventoryCase: String, CaseIterable, Sendable {
        case empty, unreachable, holdsOtherNumbers

        func make() throws -> any TNInventory {
            switch self {
            case .empty: StaticTNInventory([:])
            case .unreachable: FailingInventory()
            case .holdsOtherNumbers:
                StaticTNInventory([try ServiceProviderCode("9999"): TNScope(entries: [try TestPKI.range("12025550000", 10)])])
            }
        }

        var expected: STIChainFailure.Code {
            self == .holdsOtherNumbers ? .scopeNotEncompassed : .scopeUnprovable
        }
    }

    @Test("Strict mode fails what stays unprovable or is proven outside", arguments: InventoryCase.allCases)
    func strictFailures(_ inventoryCase: InventoryCase) async throws {
        let inventory = try inventoryCase.make()
        let expected = inventoryCase.expected
        let (sca, leaf) = try ChainFixtures.spcOnlySubordinate()
        let verifier = try ChainFixtures.verifier(
            crls: [try ChainFixtures.stiPACRL(), try ChainFixtures.directCRL(of: sca)],
            encompassing: .strict(inventory)
        )
        let result = await verifier.verify(leaf: leaf.certificate, intermediates: [sca.certificate, pki.intermediate.certificate], at: ChainFixtures.now)
        #expect(ChainFixtures.codes(result) == [expected])
        #expect(result.failures.first?.certificateIndex == 0)
    }
}

extension Certificate {
    /// Verifies this leaf against the fixture PKI with all-good CRLs.
    fileprivate func verify(intermediates: [Certificate]) async -> STIChainVerificationResult {
        do {
            return try await ChainFixtures.verifier().verify(leaf: self, intermediates: intermediates, at: ChainFixtures.now)
        } catch {
            return .invalid([STIChainFailure(.malformedCertificate, "fixture error \(error)")])
        }
    }
}
