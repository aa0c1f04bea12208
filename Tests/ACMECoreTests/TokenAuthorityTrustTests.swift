import ACMECore
import ACMETesting
import Foundation
import STIRTesting
import TNAuthList
import Testing

@Suite("Token authority trust (RFC 9448 §6 step 2)")
struct TokenAuthorityTrustTests {
    @Test("a token whose x5u certificate does not chain to a configured anchor is unauthorized")
    func untrustedChain() async throws {
        let rogue = try TokenAuthorityFixture(label: "rogue", x5u: "https://rogue.example/cert.pem")
        let validator = TKAuthValidator(trustAnchors: [Harness.authority.anchor], source: rogue.source, replay: InMemoryTokenReplayStore())
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let key = Harness.clientKey("sp").jwk
        let now = TestPKI.defaultReferenceTime
        let token = try rogue.token(for: list, accountKey: key, expiresAt: now + 600)
        do {
            _ = try await validator.validate(token: token, identifier: try TNAuthListIdentifier(list), accountKey: key, now: now)
            Issue.record("accepted")
        } catch {
            #expect(error.code == .unauthorized)
            #expect(error.reason.contains("does not chain"))
        }
        let trusting = TKAuthValidator(trustAnchors: [rogue.anchor], source: rogue.source, replay: InMemoryTokenReplayStore())
        let verified = try await trusting.validate(token: token, identifier: try TNAuthListIdentifier(list), accountKey: key, now: now)
        #expect(verified.claims.atc.tnAuthList == list)
    }

    @Test("a token authority certificate outside its validity is unauthorized")
    func expiredAuthority() async throws {
        let authority = Harness.authority
        let validator = TKAuthValidator(trustAnchors: [authority.anchor], source: authority.source, replay: InMemoryTokenReplayStore())
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let key = Harness.clientKey("sp").jwk
        let later = authority.signingCertificate.notValidAfter + 86_400
        let token = try authority.token(for: list, accountKey: key, expiresAt: later + 600)
        await #expect(throws: ACMEError(.unauthorized, "")) {
            try await validator.validate(token: token, identifier: try TNAuthListIdentifier(list), accountKey: key, now: later)
        }
    }
}
