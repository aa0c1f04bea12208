import Crypto
import Foundation
import PASSporT
import STIRCertificates
import STIRServices
import STIRTesting
import Testing
import TNAuthList

/// Every row of the failure table produced by a real bad input.
@Suite("STI-VS failures from real bad input")
struct VerificationFailureCaseTests {
    static let shakenHeader = #"{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"https://cert.sp.example/sp-1234.pem"}"#
    static func payload(iat: Date, extra: String = #","origid":"abc""#, attest: String = #""A""#) -> String {
        #"{"attest":\#(attest),"dest":{"tn":["12125551213"]},"iat":\#(Int64(iat.timeIntervalSince1970)),"orig":{"tn":"12155551212"}\#(extra)}"#
    }

    func expect(_ headers: [String], _ failure: VerificationFailure, fixture: Fixture, service: VerificationService? = nil,
                orig: String = "12155551212", dest: [String] = ["12125551213"], now: Date? = nil) async throws {
        let verifier = try service ?? fixture.service()
        let outcome = await verifier.verify(try fixture.request(headers, orig: orig, dest: dest, now: now))
        #expect(outcome.failure == failure, "\(outcome.failureReason ?? "passed")")
        #expect(outcome.verstat == failure.verstat)
        #expect(outcome.verstat != .passed)
    }

    @Test("iat older than the window → 403 Stale Date")
    func stale() async throws {
        let fixture = try Fixture()
        try await expect([fixture.spShaken(iat: fixture.now - 120)], .iatTooOld, fixture: fixture)
    }

    @Test("iat in the future beyond the window → 403 Stale Date")
    func future() async throws {
        let fixture = try Fixture()
        try await expect([fixture.spShaken(iat: fixture.now + 120)], .iatInFuture, fixture: fixture)
    }

    @Test("no Identity header → 428")
    func missingIdentity() async throws {
        try await expect([], .identityMissing, fixture: Fixture())
    }

    @Test("Identity header without info → 436")
    func infoMissing() async throws {
        let fixture = try Fixture()
        let header = try fixture.spShaken().replacingOccurrences(of: ";info=<\(Fixture.spX5U)>", with: "")
        try await expect([header], .infoMissing, fixture: fixture)
    }

    @Test("info differs from x5u → 436")
    func infoMismatch() async throws {
        let fixture = try Fixture()
        let header = try fixture.spShaken().replacingOccurrences(of: Fixture.spX5U, with: "https://cert.sp.example/other.pem")
        try await expect([header], .infoMismatch, fixture: fixture)
    }

    @Test("an http x5u → 436 before any fetch")
    func httpX5U() async throws {
        let fixture = try Fixture()
        let url = "http://cert.sp.example/sp-1234.pem"
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader.replacingOccurrences(of: Fixture.spX5U, with: url),
            payload: Self.payload(iat: fixture.now), key: fixture.pki.endEntity.privateKey, info: url
        )
        try await expect([header], .x5uNotAllowed, fixture: fixture)
    }

    @Test("header without x5u → 436")
    func missingX5U() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: #"{"alg":"ES256","ppt":"shaken","typ":"passport"}"#,
            payload: Self.payload(iat: fixture.now), key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .headerParameterMissing, fixture: fixture)
    }

    @Test("the chain cannot be fetched → 436")
    func fetchFails() async throws {
        let fixture = try Fixture()
        let service = try fixture.service(chains: [:])
        try await expect([fixture.spShaken()], .chainFetchFailed, fixture: fixture, service: service)
    }

    @Test("typ other than passport → 437")
    func badType() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader.replacingOccurrences(of: "passport", with: "JWT"),
            payload: Self.payload(iat: fixture.now), key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .unsupportedType, fixture: fixture)
    }

    @Test("alg other than ES256 → 437")
    func badAlgorithm() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader.replacingOccurrences(of: "ES256", with: "HS256"),
            payload: Self.payload(iat: fixture.now), key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .unsupportedAlgorithm, fixture: fixture)
    }

    @Test("an embedded jwk → 437")
    func embeddedKey() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: #"{"alg":"ES256","jwk":{},"ppt":"shaken","typ":"passport","x5u":"https://cert.sp.example/sp-1234.pem"}"#,
            payload: Self.payload(iat: fixture.now), key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .embeddedKeyNotAllowed, fixture: fixture)
    }

    @Test("a chain to an untrusted root → 437 TN-Validation-Failed")
    func untrustedRoot() async throws {
        let fixture = try Fixture()
        let service = try fixture.service(anchors: [fixture.pki.stiPACRLSigner.certificate])
        try await expect([fixture.spShaken()], .chainUntrusted, fixture: fixture, service: service)
    }

    @Test("an expired signing certificate → 437 TN-Validation-Failed")
    func expired() async throws {
        let fixture = try Fixture()
        let later = fixture.now + 400 * TestPKI.day
        let crls = try fixture.crls(nextUpdate: later + TestPKI.day)
        try await expect([fixture.spShaken(iat: later)], .certificateExpired, fixture: fixture,
                         service: fixture.service(crls: crls), now: later)
    }

    @Test("a revoked signing certificate → 437 TN-Validation-Failed")
    func revoked() async throws {
        let fixture = try Fixture()
        let service = try fixture.service(crls: fixture.crls(revoking: [fixture.pki.endEntity]))
        try await expect([fixture.spShaken()], .certificateRevoked, fixture: fixture, service: service)
    }

    @Test("no CRL → revocation unknown, never passed")
    func crlMissing() async throws {
        let fixture = try Fixture()
        try await expect([fixture.spShaken()], .revocationUnknown, fixture: fixture, service: fixture.service(crls: []))
    }

    @Test("compact form → 438")
    func compactForm() async throws {
        let fixture = try Fixture()
        let full = try fixture.spShaken()
        let parts = full.split(separator: ".", maxSplits: 2).map(String.init)
        try await expect([parts[0] + ".." + parts[2]], .compactForm, fixture: fixture)
    }

    @Test("a PASSporT of another ppt → 438")
    func wrongPPT() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader.replacingOccurrences(of: "shaken", with: "foo"),
            payload: Self.payload(iat: fixture.now), key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        ).replacingOccurrences(of: ";ppt=shaken", with: "")
        try await expect([header], .notShaken, fixture: fixture)
        let base = try fixture.signer(fixture.pki.endEntity, x5u: Fixture.spX5U)
            .signBase(orig: fixture.tn("12155551212"), dest: [fixture.tn("12125551213")], iat: fixture.now)
        try await expect([base], .notShaken, fixture: fixture)
    }

    @Test("missing origid → 438")
    func missingOrigid() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader, payload: Self.payload(iat: fixture.now, extra: ""),
            key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .missingClaim, fixture: fixture)
    }

    @Test("attest outside A/B/C → 438")
    func badAttest() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader, payload: Self.payload(iat: fixture.now, attest: #""D""#),
            key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .invalidAttestation, fixture: fixture)
    }

    @Test("a repeated JSON member → 438")
    func duplicateMember() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader, payload: Self.payload(iat: fixture.now, extra: #","origid":"a","origid":"b""#),
            key: fixture.pki.endEntity.privateKey, info: Fixture.spX5U
        )
        try await expect([header], .duplicateMember, fixture: fixture)
    }

    @Test("orig differs from the calling number → 438")
    func origMismatch() async throws {
        let fixture = try Fixture()
        try await expect([fixture.spShaken()], .origMismatch, fixture: fixture, orig: "12155550000")
    }

    @Test("dest does not name the called number → 438")
    func destMismatch() async throws {
        let fixture = try Fixture()
        try await expect([fixture.spShaken()], .destMismatch, fixture: fixture, dest: ["12125550000"])
    }

    @Test("a signature by another key → 438 TN-Validation-Failed")
    func badSignature() async throws {
        let fixture = try Fixture()
        let header = try Fixture.rawIdentity(
            header: Self.shakenHeader, payload: Self.payload(iat: fixture.now),
            key: TestPKI.key("attacker"), info: Fixture.spX5U
        )
        try await expect([header], .signatureInvalid, fixture: fixture)
    }

    @Test("orig outside the delegate certificate's TNAuthList → 438 TN-Validation-Failed")
    func origOutsideDelegateScope() async throws {
        let fixture = try Fixture()
        let header = try fixture.signer(fixture.pki.delegateEndEntity, x5u: Fixture.delegateX5U).sign(
            orig: fixture.tn("12025550199"), dest: [fixture.tn("12125551213")], attest: .full, origid: "x", iat: fixture.now
        )
        try await expect([header], .origOutOfScope, fixture: fixture, orig: "12025550199")
    }

    @Test("a PASSporT breaking the leaf's claim constraints → 438")
    func claimConstraintViolation() async throws {
        let fixture = try Fixture()
        let key = TestPKI.key("constrained")
        let leaf = try STICertificateBuilder().issue(
            STICertificateRequest(
                profile: .delegateEndEntity,
                subject: .shaken(commonName: "Constrained Enterprise", organization: "Constrained Inc", country: "US"),
                publicKey: .init(key.publicKey),
                tnAuthList: TNAuthorizationList([TestPKI.range("12025550120", 5)]),
                serialNumber: .init(bytes: [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF]),
                notValidBefore: fixture.now - TestPKI.day, notValidAfter: fixture.now + 30 * TestPKI.day,
                crlDistributionPointURL: TestPKI.scaCRLURL,
                enhancedJWTClaimConstraints: EnhancedJWTClaimConstraints(mustExclude: ["crn"])
            ),
            issuer: fixture.pki.subordinateCA.asIssuer
        )
        let x5u = "https://cert.enterprise.example/constrained.pem"
        var chains = fixture.publishedChains
        chains[x5u] = [leaf] + Array(fixture.pki.chain(for: fixture.pki.delegateEndEntity).dropFirst())
        let signer = try AuthenticationService(privateKey: key, x5u: x5u, clock: { fixture.now })
        let header = try signer.signRichCallData(
            orig: fixture.tn("12025550121"), dest: [fixture.tn("12125551213")], rcd: RichCallData(name: "C"), crn: "sales", iat: fixture.now
        )
        let outcome = try await fixture.service(chains: chains).verifyCustomerPASSporT(fixture.request([header], orig: "12025550121"))
        #expect(outcome.failure == .claimConstraintViolated, "\(outcome.failureReason ?? "passed")")
        #expect(outcome.failureReason?.contains("crn") == true)
        let allowed = try signer.signRichCallData(
            orig: fixture.tn("12025550121"), dest: [fixture.tn("12125551213")], rcd: RichCallData(name: "C"), iat: fixture.now
        )
        let passing = try await fixture.service(chains: chains).verifyCustomerPASSporT(fixture.request([allowed], orig: "12025550121"))
        #expect(passing.verstat == .passed, "\(passing.failureReason ?? "")")
    }

    @Test("an unparseable Identity header → 438")
    func malformedHeader() async throws {
        let fixture = try Fixture()
        try await expect(["abc.def.ghi;info=<\(Fixture.spX5U)>;alg=ES256;;"], .malformedIdentityHeader, fixture: fixture)
        try await expect(["abc.def.ghi;info=<\(Fixture.spX5U)>;alg=ES256"], .malformedPASSporT, fixture: fixture)
    }
}
