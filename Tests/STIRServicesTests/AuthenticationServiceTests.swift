import Foundation
import PASSporT
import STIRServices
import STIRTesting
import Testing
import TNAuthList

@Suite("STI-AS signing")
struct AuthenticationServiceTests {
    @Test("the SHAKEN Identity header carries info, alg and ppt and a canonical, verifiable token")
    func shakenHeader() throws {
        let fixture = try Fixture()
        let value = try fixture.spShaken()
        #expect(value.hasSuffix(";info=<\(Fixture.spX5U)>;alg=ES256;ppt=shaken"))
        let header = try IdentityHeader(parsing: value)
        let verified = try header.unverifiedPASSporT().verifySignature(using: fixture.pki.endEntity.privateKey.publicKey)
        #expect(verified.claims.attest == .full)
        #expect(verified.claims.orig.value == "12155551212")
        #expect(verified.claims.dest.telephoneNumbers == ["12125551213"])
        #expect(verified.claims.iat == Int64(fixture.now.timeIntervalSince1970))
    }

    @Test("signing outside the freshness window of the clock is refused, both directions", arguments: [-61.0, 61.0, -3_600.0])
    func refusesStaleTime(offset: TimeInterval) throws {
        let fixture = try Fixture()
        let signer = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
        #expect(throws: STIRServicesError(.staleSigningTime, "")) {
            try signer.sign(orig: fixture.tn("12155551212"), dest: [fixture.tn("12125551213")], attest: .full, origid: "o", iat: fixture.now + offset)
        }
    }

    @Test("signing inside the window is accepted", arguments: [-60.0, 0.0, 59.0])
    func acceptsFreshTime(offset: TimeInterval) throws {
        let fixture = try Fixture()
        let signer = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
        let value = try signer.sign(orig: fixture.tn("12155551212"), dest: [fixture.tn("12125551213")], attest: .partial, origid: "o", iat: fixture.now + offset)
        #expect(try IdentityHeader(parsing: value).unverifiedPASSporT().unverifiedClaims.attest == .partial)
    }

    @Test("an x5u the policy refuses cannot be configured", arguments: ["http://cert.example/a.pem", "https://cert.example/a.pem?q=1"])
    func refusesBadX5U(x5u: String) {
        #expect(throws: STIRServicesError(.x5uNotAllowed, "")) {
            try AuthenticationService(privateKey: TestPKI.key("x"), x5u: x5u, clock: { Date(timeIntervalSince1970: 0) })
        }
    }

    @Test("empty dest and empty origid are refused as invalid input")
    func invalidInput() throws {
        let fixture = try Fixture()
        let signer = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
        #expect(throws: STIRServicesError(.invalidSigningInput, "")) {
            try signer.sign(orig: fixture.tn("1"), dest: [], attest: .full, origid: "o", iat: fixture.now)
        }
        #expect(throws: STIRServicesError(.invalidSigningInput, "")) {
            try signer.sign(orig: fixture.tn("1"), dest: [fixture.tn("2")], attest: .full, origid: "", iat: fixture.now)
        }
    }

    @Test("div and rcd variants carry their ppt and claims")
    func variants() throws {
        let fixture = try Fixture()
        let signer = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
        let div = try IdentityHeader(parsing: signer.signDiversion(
            orig: fixture.tn("12155551212"), dest: [fixture.tn("12125559999")], divertedFrom: fixture.tn("12125551213"), iat: fixture.now
        ))
        #expect(div.ppt == "div")
        #expect(try div.unverifiedPASSporT().unverifiedClaims.div?.value == "12125551213")
        let rcd = try IdentityHeader(parsing: signer.signRichCallData(
            orig: fixture.tn("12155551212"), dest: [fixture.tn("12125551213")], rcd: RichCallData(name: "Alice"), crn: "Lunch", iat: fixture.now
        ))
        #expect(rcd.ppt == "rcd")
        #expect(try rcd.unverifiedPASSporT().unverifiedClaims.crn == "Lunch")
    }
}
