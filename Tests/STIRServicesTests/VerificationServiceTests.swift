import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import STIRTesting
import Testing
import TNAuthList

@Suite("STI-VS verification")
struct VerificationServiceTests {
    @Test("a SHAKEN PASSporT signed with the SP certificate verifies as TN-Validation-Passed")
    func spSignedPasses() async throws {
        let fixture = try Fixture()
        let outcome = try await fixture.service().verify(fixture.request([fixture.spShaken()]))
        #expect(outcome.verstat == .passed)
        #expect(outcome.failure == nil)
        #expect(outcome.attestation == .full)
        #expect(outcome.passport?.claims.origid == "123e4567-e89b-12d3-a456-426655440000")
        #expect(outcome.chain?.isDelegate == false)
        #expect(outcome.notes.contains { $0.contains("only service provider codes") })
    }

    @Test("a delegate certificate signs an rcd PASSporT that verifies with its chain and scope")
    func delegateRCDVerifies() async throws {
        let fixture = try Fixture()
        let signer = try fixture.signer(fixture.pki.delegateEndEntity, x5u: Fixture.delegateX5U)
        let header = try signer.signRichCallData(
            orig: fixture.tn("12025550112"), dest: [fixture.tn("12125551213")],
            rcd: RichCallData(name: "Example Enterprise"), iat: fixture.now
        )
        let outcome = try await fixture.service().verifyCustomerPASSporT(
            fixture.request([header], orig: "12025550112")
        )
        #expect(outcome.verstat == .passed, "\(outcome.failureReason ?? "")")
        #expect(outcome.chain?.isDelegate == true)
        #expect(outcome.passport?.claims.rcd?.name == "Example Enterprise")
    }

    @Test("a sub-delegated end entity verifies through two delegation links")
    func subDelegatePasses() async throws {
        let fixture = try Fixture()
        let header = try fixture.signer(fixture.pki.delegateCAEndEntity, x5u: Fixture.subDelegateX5U)
            .signBase(orig: fixture.tn("12025550161"), dest: [fixture.tn("12125551213")], iat: fixture.now)
        let outcome = try await fixture.service().verifyCustomerPASSporT(fixture.request([header], orig: "12025550161"))
        #expect(outcome.verstat == .passed, "\(outcome.failureReason ?? "")")
        #expect(outcome.chain?.chain.count == 5)
    }

    @Test("the SHAKEN header decides verstat when div and rcd PASSporTs come along; they are verified too")
    func severalIdentityHeaders() async throws {
        let fixture = try Fixture()
        let sp = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
        let shaken = try fixture.spShaken(dest: ["12125551213"])
        let div = try sp.signDiversion(
            orig: fixture.tn("12155551212"), dest: [fixture.tn("12125559999")], divertedFrom: fixture.tn("12125551213"), iat: fixture.now
        )
        let outcome = try await fixture.service().verify(fixture.request([div, shaken], dest: ["12125559999"]))
        #expect(outcome.verstat == .passed, "\(outcome.failureReason ?? "")")
        #expect(outcome.related.count == 1)
        #expect(outcome.related.first?.verstat == .passed)
        #expect(outcome.related.first?.passport?.header.ppt == .div)
        #expect(outcome.notes.contains { $0.contains("div PASSporT") })
    }

    @Test("without a div PASSporT the retargeted request is a dest mismatch")
    func retargetWithoutDiv() async throws {
        let fixture = try Fixture()
        let outcome = try await fixture.service().verify(fixture.request([fixture.spShaken()], dest: ["12125559999"]))
        #expect(outcome.failure == .destMismatch)
    }

    @Test("a failed related PASSporT is reported without changing the SHAKEN verdict")
    func failedRelatedIsNoted() async throws {
        let fixture = try Fixture()
        let rcd = try fixture.signer(fixture.pki.delegateEndEntity, x5u: Fixture.delegateX5U).signRichCallData(
            orig: fixture.tn("12155551212"), dest: [fixture.tn("12125551213")], rcd: RichCallData(name: "X"), iat: fixture.now
        )
        let outcome = try await fixture.service().verify(fixture.request([fixture.spShaken(), rcd]))
        #expect(outcome.verstat == .passed)
        #expect(outcome.related.first?.failure == .origOutOfScope)
        #expect(outcome.notes.contains { $0.contains("origOutOfScope") })
    }

    @Test("the cache serves a validated chain to the second request")
    func cacheIsUsed() async throws {
        let fixture = try Fixture()
        let crls = try fixture.crls()
        let cache = ValidatedChainCache(crlSource: StaticCRLSource(crls))
        let service = try fixture.service(crls: crls, cache: cache)
        let first = try await service.verify(fixture.request([fixture.spShaken()]))
        #expect(first.verstat == .passed)
        #expect(await cache.count == 1)
        let second = try await service.verify(fixture.request([fixture.spShaken()]))
        #expect(second.verstat == .passed)
    }
}
