import CertificateRevocation
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import STIRTesting
import Testing
import TNAuthList

@Suite("OSP attestation with delegate certificates (ATIS-1000092)")
struct OSPAttestationServiceTests {
    static let origid = "8c6b1a36-5d1f-4bb0-9d4e-1f0b2c3d4e5f"

    func osp(_ fixture: Fixture, crls: [CertificateRevocationList]? = nil) throws -> OSPAttestationService {
        try OSPAttestationService(
            verification: fixture.service(crls: crls),
            signer: fixture.signer(fixture.pki.endEntity, x5u: Fixture.ospX5U)
        )
    }

    func enterpriseHeader(_ fixture: Fixture, orig: String) throws -> String {
        try fixture.signer(fixture.pki.delegateEndEntity, x5u: Fixture.delegateX5U)
            .signBase(orig: fixture.tn(orig), dest: [fixture.tn("12125551213")], iat: fixture.now)
    }

    func call(_ fixture: Fixture, orig: String, customer: OSPCustomerRecord, headers: [String]) throws -> OriginatingCall {
        OriginatingCall(
            orig: try fixture.tn(orig), dest: [try fixture.tn("12125551213")], customer: customer,
            customerIdentityHeaders: headers, origid: Self.origid, now: fixture.now
        )
    }

    static let cloudProvider = OSPCustomerRecord(id: "cloud-pbx", isDirectCustomer: true)
    static let unknownPeer = OSPCustomerRecord(id: "peer", isDirectCustomer: false)

    @Test("a delegate-signed PASSporT with orig inside the delegate range gives A with evidence")
    func delegateGivesA() async throws {
        let fixture = try Fixture()
        let decision = try await osp(fixture).attest(
            call: call(fixture, orig: "12025550115", customer: Self.unknownPeer, headers: [enterpriseHeader(fixture, orig: "12025550115")])
        )
        #expect(decision.level == .full)
        #expect(decision.rule == .delegateCertificate)
        #expect(decision.evidence.isDelegateCertificate)
        #expect(decision.evidence.customerVerstat == .passed)
        #expect(decision.evidence.certificateSubject?.contains("Example Enterprise") == true)
        #expect(decision.evidence.certificateSerialNumber == fixture.pki.delegateEndEntity.certificate.serialNumber.hexadecimal)
        #expect(decision.evidence.certificateSerialNumber?.count == 2 * fixture.pki.delegateEndEntity.certificate.serialNumber.bytes.count)
        #expect(decision.evidence.certificateFingerprintSHA256?.count == 64)
        #expect(decision.evidence.certificateScope?.contains(try fixture.tn("12025550119")) == true)
    }

    @Test("orig outside the delegated range is not A: B for a direct customer, with the failure kept")
    func outsideRangeGivesB() async throws {
        let fixture = try Fixture()
        let decision = try await osp(fixture).attest(
            call: call(fixture, orig: "12025550130", customer: Self.cloudProvider, headers: [enterpriseHeader(fixture, orig: "12025550130")])
        )
        #expect(decision.level == .partial)
        #expect(decision.rule == .directCustomerUnverifiedNumber)
        #expect(decision.evidence.customerFailure == .origOutOfScope)
        #expect(decision.evidence.customerVerstat == .failed)
        #expect(decision.evidence.customerFailureReason?.contains("12025550130") == true)
    }

    @Test("a revoked delegate certificate is not A")
    func revokedDelegate() async throws {
        let fixture = try Fixture()
        let osp = try OSPAttestationService(
            verification: fixture.service(crls: fixture.crls(revoking: [fixture.pki.delegateEndEntity])),
            signer: fixture.signer(fixture.pki.endEntity, x5u: Fixture.ospX5U)
        )
        let decision = try await osp.attest(
            call: call(fixture, orig: "12025550115", customer: Self.unknownPeer, headers: [enterpriseHeader(fixture, orig: "12025550115")])
        )
        #expect(decision.level == .gateway)
        #expect(decision.evidence.customerFailure == .certificateRevoked)
    }

    @Test("a number the OSP assigned to a direct customer gives A without a customer PASSporT")
    func assignedNumber() async throws {
        let fixture = try Fixture()
        let customer = OSPCustomerRecord(
            id: "acme", isDirectCustomer: true,
            assignedNumbers: TNScope(entries: [try TestPKI.range("12155551200", 100)])
        )
        let decision = try await osp(fixture).attest(call: call(fixture, orig: "12155551212", customer: customer, headers: []))
        #expect(decision.level == .full)
        #expect(decision.rule == .assignedNumber)
        #expect(decision.evidence.customerVerstat == nil)
    }

    @Test("assigned numbers do not give A to a customer without a direct relationship")
    func assignedButIndirect() async throws {
        let fixture = try Fixture()
        let customer = OSPCustomerRecord(id: "x", isDirectCustomer: false, assignedNumbers: TNScope(entries: [try TestPKI.range("12155551200", 100)]))
        let decision = try await osp(fixture).attest(call: call(fixture, orig: "12155551212", customer: customer, headers: []))
        #expect(decision.level == .gateway)
    }

    @Test("an unknown non-direct customer without a PASSporT gets C")
    func gateway() async throws {
        let fixture = try Fixture()
        let decision = try await osp(fixture).attest(call: call(fixture, orig: "12155551212", customer: Self.unknownPeer, headers: []))
        #expect(decision.level == .gateway)
        #expect(decision.rule == .gateway)
    }

    @Test("a customer PASSporT signed with a SHAKEN SP certificate does not justify A")
    func spCertificateIsNotDelegate() async throws {
        let fixture = try Fixture()
        let header = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
            .signBase(orig: fixture.tn("12025550115"), dest: [fixture.tn("12125551213")], iat: fixture.now)
        let decision = try await osp(fixture).attest(call: call(fixture, orig: "12025550115", customer: Self.cloudProvider, headers: [header]))
        #expect(decision.level == .partial)
        #expect(decision.evidence.customerVerstat == .passed)
        #expect(decision.evidence.isDelegateCertificate == false)
    }

    @Test("the OSP's own SHAKEN PASSporT verifies at a terminating STI-VS as TN-Validation-Passed")
    func endToEnd() async throws {
        let fixture = try Fixture()
        let decision = try await osp(fixture).attest(
            call: call(fixture, orig: "12025550115", customer: Self.unknownPeer, headers: [enterpriseHeader(fixture, orig: "12025550115")])
        )
        let terminating = try fixture.service()
        let outcome = await terminating.verify(try fixture.request([decision.identityHeader], orig: "12025550115"))
        #expect(outcome.verstat == .passed, "\(outcome.failureReason ?? "")")
        #expect(outcome.attestation == .full)
        #expect(outcome.passport?.claims.origid == Self.origid)
        #expect(outcome.passport?.header.x5u == Fixture.ospX5U)
    }
}
