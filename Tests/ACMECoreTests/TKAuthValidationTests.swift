import ACMECore
import ACMETesting
import AuthorityToken
import Foundation
import JOSE
import STIRTesting
import TNAuthList
import Testing
import X509

@Suite("tkauth-01 validation failures (RFC 9448 §6)")
struct TKAuthValidationTests {
    static func spc(_ code: String) throws -> TNAuthorizationList { try TNAuthorizationList([.spc(ServiceProviderCode(code))]) }

    /// Sends `token` for a fresh SPC 1234 order and returns the challenge error's type and the order status.
    static func attempt(_ harness: Harness, _ client: Harness.Client, token: String) async throws -> (String, ACMEOrder.Status?) {
        let order = try await harness.newOrder(client, try spc("1234"))
        let challenge = try await harness.respond(client, order: order, token: token)
        let status = await harness.orders.order(order.id)?.status
        return (challenge.error.map { $0.code.description } ?? challenge.status.rawValue, status)
    }

    @Test("each bad token fails with its problem type and the order becomes invalid", arguments: [
        "garbage", "wrong tkvalue", "wrong fingerprint", "expired", "not yet valid", "untrusted authority", "unknown x5u",
        "alg HS256", "tktype other",
    ])
    func failures(name: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let authority = Harness.authority
        let now = harness.world.now
        let expected: String
        let token: String
        switch name {
        case "garbage":
            token = "not.a.token"
            expected = "malformed"
        case "wrong tkvalue":
            token = try authority.token(for: try Self.spc("9999"), accountKey: client.key.jwk, expiresAt: now + 600)
            expected = "rejectedIdentifier"
        case "wrong fingerprint":
            token = try authority.token(for: try Self.spc("1234"), accountKey: Harness.clientKey("other").jwk, expiresAt: now + 600)
            expected = "unauthorized"
        case "expired":
            token = try authority.token(for: try Self.spc("1234"), accountKey: client.key.jwk, expiresAt: now - 120)
            expected = "unauthorized"
        case "not yet valid":
            token = try authority.token(for: try Self.spc("1234"), accountKey: client.key.jwk, expiresAt: now + 900, notBefore: now + 600)
            expected = "unauthorized"
        case "untrusted authority":
            let rogue = try TokenAuthorityFixture(label: "rogue", x5u: authority.x5u)
            token = try rogue.token(for: try Self.spc("1234"), accountKey: client.key.jwk, expiresAt: now + 600)
            expected = "unauthorized"
        case "unknown x5u":
            let elsewhere = try TokenAuthorityFixture(x5u: "https://elsewhere.example/cert.pem")
            token = try elsewhere.token(for: try Self.spc("1234"), accountKey: client.key.jwk, expiresAt: now + 600)
            expected = "unauthorized"
        case "alg HS256":
            let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT","x5u":"\#(authority.x5u)"}"#.utf8))
            let valid = try authority.token(for: try Self.spc("1234"), accountKey: client.key.jwk, expiresAt: now + 600)
            token = header + "." + valid.split(separator: ".")[1] + "." + valid.split(separator: ".")[2]
            expected = "malformed"
        default:
            let header = #"{"alg":"ES256","typ":"JWT","x5u":"\#(authority.x5u)"}"#
            let payload = #"{"atc":{"fingerprint":"\#(AccountKeyFingerprint(accountKey: client.key.jwk))","tktype":"SPC","tkvalue":"MAigBhYEMTIzNA=="},"exp":\#(Int(now.timeIntervalSince1970) + 600),"iss":"x","jti":"j"}"#
            let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
            token = input + "." + Base64URL.encode(try ES256.sign(Array(input.utf8), using: authority.signingKey))
            expected = "rejectedIdentifier"
        }
        let (code, status) = try await Self.attempt(harness, client, token: token)
        #expect(code == expected, "\(name)")
        #expect(status == .invalid)
    }

    @Test("a token signed by the authority but altered does not verify")
    func tampered() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let now = harness.world.now
        let good = try Harness.authority.token(for: try Self.spc("1234"), accountKey: client.key.jwk, expiresAt: now + 600)
        let other = try Harness.authority.token(for: try Self.spc("1234"), accountKey: client.key.jwk, isCA: true, expiresAt: now + 600)
        let parts = good.split(separator: ".")
        let spliced = "\(parts[0]).\(other.split(separator: ".")[1]).\(parts[2])"
        let (code, _) = try await Self.attempt(harness, client, token: spliced)
        #expect(code == "unauthorized")
    }

    @Test("a jti is accepted once: the same token on a second order is unauthorized")
    func replay() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let token = try harness.token(client, try Self.spc("1234"), jti: "once")
        let (first, _) = try await Self.attempt(harness, client, token: token)
        #expect(first == "valid")
        let (second, _) = try await Self.attempt(harness, client, token: token)
        #expect(second == "unauthorized")
    }

    @Test("a rejected token does not burn its jti")
    func rejectedKeepsJTI() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let other = try await harness.newAccount("other")
        let token = try harness.token(client, try Self.spc("1234"), jti: "shared")
        let (wrongAccount, _) = try await Self.attempt(harness, other, token: token)
        #expect(wrongAccount == "unauthorized")
        let (owner, _) = try await Self.attempt(harness, client, token: token)
        #expect(owner == "valid")
    }

    @Test("ca:true is recorded on the authorization")
    func grantsCA() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc("1234"))
        _ = try await harness.respond(client, order: order, token: try harness.token(client, try Self.spc("1234"), isCA: true))
        #expect(await harness.orders.authorization(order.authorizationIDs[0])?.grantsCA == true)
        #expect(await harness.orders.order(order.id)?.status == .ready)
    }

    @Test("a response without atc or tkauth, or with two different tokens, is malformed", arguments: [
        #"{}"#, #"{"atc":1}"#, #"{"atc":"a","tkauth":"b"}"#, #"[]"#,
    ])
    func responseShape(text: String) async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc("1234"))
        let authorization = try #require(await harness.orders.authorization(order.authorizationIDs[0]))
        let url = harness.linker.challenge(authorization.challenges[0].id)
        let payload = try StrictJSONParser().parse(string: text)
        await #expect(throws: ACMEError(.malformed, "")) {
            try await harness.service.respondToChallenge(authorization.challenges[0].id, request: try await harness.request(client, url: url, payload: payload))
        }
    }
}
