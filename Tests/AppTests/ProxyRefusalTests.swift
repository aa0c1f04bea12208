import ACMECore
@testable import App
import AuthorityToken
import Crypto
import Foundation
import HTTPClient
import JOSE
import Logging
import PolicyAdministration
import ProviderPortal
import STIRCertificates
import TNAuthList
import Testing
import X509

/// Each refusal of the provider's proxies and of the STI-CA's alias check, over HTTPS on loopback
/// against a running sandbox (seed 002 §6.3; RFC 8555 §6.4, §6.7).
@Suite("Refusals of the SP-PA-proxy, the SP-CA-proxy and the STI-CA alias check", .serialized)
struct ProxyRefusalTests {
    static func range(_ start: String, _ count: Int) throws -> TNAuthorizationList {
        try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber(start), count: count))])
    }

    static func proxyClient(_ endpoints: SandboxEndpoints, _ transport: HTTPSClient) -> ACMEClient {
        ACMEClient(
            configuration: .init(directoryURL: endpoints.proxyDirectory, pollInterval: .milliseconds(100)), accountKey: P256.Signing.PrivateKey(),
            transport: transport
        )
    }

    static func csr(_ list: TNAuthorizationList) throws -> CertificateSigningRequest {
        try CertificateSigningRequest.stiRequest(
            subject: try DistinguishedName.shaken(commonName: "Demo PBX", organization: "Demo PBX", country: "US"),
            privateKey: Certificate.PrivateKey(P256.Signing.PrivateKey()), tnAuthList: list, basicConstraints: nil
        )
    }

    @Test("The SP-PA-proxy refuses a customer the user does not act for and TNs outside the PBX's delegation; the SP-CA-proxy refuses an unregistered account key")
    func tokenAndAccountRefusals() async throws {
        try await ProxyIssuanceTests.withSandbox { sandbox, transport in
            let endpoints = sandbox.endpoints
            let acme = Self.proxyClient(endpoints, transport)
            // No token through the SP-PA-proxy for this key: the PBX is not registered for it (figure 10 step 6).
            #expect(await ProxyIssuanceTests.problem { _ = try await acme.register() } == "unauthorized")

            let proxy = STIPAClient(baseURL: endpoints.proxyTokenServer, transport: transport)
            try await proxy.login(userID: endpoints.pbx.userID, password: endpoints.pbx.password)
            let jwk = await acme.accountJWK
            let cases: [(String, TNAuthorizationList?, String)] = [
                ("not-a-customer", nil, "notAuthorised"),
                (endpoints.pbx.customerID, try Self.range(endpoints.enterprise.tnRangeStart, 5), "delegationOutsideScope"),
                (endpoints.pbx.customerID, try Self.range(endpoints.pbx.tnRangeStart, endpoints.pbx.tnRangeCount + 1), "delegationOutsideScope"),
            ]
            for (customer, list, code) in cases {
                do {
                    _ = try await proxy.requestProxiedToken(customerID: customer, accountKey: jwk, tnAuthList: list)
                    Issue.record("the SP-PA-proxy gave a token to \(customer) for \(list.map { "\($0)" } ?? "all")")
                } catch let error as HTTPClientError {
                    #expect(error.code == .paRequestFailed && error.reason.contains("403") && error.reason.contains(code), "\(error)")
                }
            }
            // Still refused after those failures: nothing was recorded for the key.
            #expect(await ProxyIssuanceTests.problem { _ = try await acme.register() } == "unauthorized")
        }
    }

    @Test("The SP-CA-proxy refuses a newOrder outside the delegation (rejectedIdentifier) and a CSR with another TN list (badCSR), leaving the order to finalize correctly")
    func orderAndCSRRefusals() async throws {
        try await ProxyIssuanceTests.withSandbox { sandbox, transport in
            let endpoints = sandbox.endpoints
            let list = try ProxyIssuanceTests.pbxList(endpoints)
            let acme = Self.proxyClient(endpoints, transport)
            let token = try await ProxyIssuanceTests.proxiedToken(endpoints, transport: transport, accountKey: await acme.accountJWK)
            try await acme.register()
            for outside in [try ProxyIssuanceTests.enterpriseList(endpoints), try Self.range(endpoints.pbx.tnRangeStart, endpoints.pbx.tnRangeCount + 5)] {
                #expect(await ProxyIssuanceTests.problem { _ = try await acme.newOrder(for: outside) } == "rejectedIdentifier")
            }

            let order = try await acme.newOrder(for: list)
            let authorizationURL = try #require(order.authorizations.first)
            let challenge = try #require(try await acme.authorization(at: authorizationURL).tkauthChallenge)
            _ = try await acme.respond(to: challenge, token: token)
            _ = try await acme.waitUntilValid(authorization: authorizationURL)
            let ready = try await acme.order(at: order.url)
            #expect(ready.status == "ready")
            #expect(ready.finalize.hasPrefix(endpoints.proxyDirectory.replacingOccurrences(of: "/directory", with: "/order/")))
            let subset = try Self.range(endpoints.pbx.tnRangeStart, 5)
            let foreign = try ProxyIssuanceTests.enterpriseList(endpoints)
            for other in [subset, foreign] {
                #expect(await ProxyIssuanceTests.problem { _ = try await acme.finalize(ready, csr: try Self.csr(other)) } == "badCSR")
            }
            // The STI-CA never saw the bad CSRs: the order is still ready and finalizes with the right one.
            #expect(try await acme.order(at: order.url).status == "ready")
            let finished = try await acme.finalize(ready, csr: try Self.csr(list))
            #expect(finished.status == "valid")
        }
    }

    @Test("The STI-CA refuses a url naming an untrusted proxy, or the trusted proxy's URL of another resource (unauthorized, RFC 8555 §6.4)")
    func aliasRefusals() async throws {
        try await ProxyIssuanceTests.withSandbox { sandbox, transport in
            let endpoints = sandbox.endpoints
            let caBase = endpoints.certificationAuthorityDirectory.replacingOccurrences(of: "/directory", with: "")
            let proxyBase = endpoints.proxyDirectory.replacingOccurrences(of: "/directory", with: "")
            let key = P256.Signing.PrivateKey()
            let cases = [
                "https://sp-evil.example/proxy/acme/new-account", caBase.replacingOccurrences(of: "/acme", with: "/other/new-account"),
                proxyBase + "/new-order", proxyBase + "/new-account/x",
            ]
            for headerURL in cases {
                let nonce = try #require(try await transport.send(HTTPSRequest(method: "HEAD", url: caBase + "/new-nonce")).header("Replay-Nonce"))
                let header = try JSONObject([
                    .init("alg", .string("ES256")), .init("jwk", JSONWebKey(publicKey: key.publicKey).jsonValue), .init("nonce", .string(nonce)),
                    .init("url", .string(headerURL)),
                ])
                let payload = CanonicalJSON.encode(.object(try JSONObject([.init("termsOfServiceAgreed", .bool(true))])))
                let body = try FlattenedJWS.signES256(protectedHeader: header, payload: payload, using: key).serialized
                let response = try await transport.send(HTTPSRequest(
                    method: "POST", url: caBase + "/new-account", headers: [HTTPHeaderField("Content-Type", "application/jose+json")], body: body
                ))
                #expect(response.status == 403, "\(headerURL)")
                #expect(response.mediaType == "application/problem+json")
                #expect(String(decoding: response.body, as: UTF8.self).contains("urn:ietf:params:acme:error:unauthorized"), "\(headerURL)")
            }
        }
    }

    @Test("The STI-PA refuses, over HTTPS, TNs the provider's account does not hold; the SP-PA-proxy answers 403 stiPARefused")
    func policyAdministratorRefusal() async throws {
        try await ProxyIssuanceTests.withSandbox { sandbox, transport in
            let endpoints = sandbox.endpoints
            let uplink = ProviderUplink(
                policyAdministrator: endpoints.policyAdministrator, accountID: endpoints.provider.accountID, userID: endpoints.provider.userID,
                password: endpoints.provider.password, transport: transport
            )
            let fingerprint = AccountKeyFingerprint(accountKey: JSONWebKey(publicKey: P256.Signing.PrivateKey().publicKey))
            let held = try AuthorityTokenClaims.ATC(tnAuthList: try Self.range(endpoints.pbx.tnRangeStart, 3), isCA: false, fingerprint: fingerprint)
            #expect(!(try await uplink.token(held).token.isEmpty))
            let notHeld = try AuthorityTokenClaims.ATC(tnAuthList: try Self.range("13035550100", 10), isCA: false, fingerprint: fingerprint)
            do {
                _ = try await uplink.token(notHeld)
                Issue.record("the STI-PA issued a token for TNs the provider does not hold")
            } catch let error as HTTPClientError {
                #expect(error.code == .paRequestFailed && error.reason.contains("scopeNotHeld"), "\(error)")
                let response = await PortalExchange.respond(logger: Logger(label: "test")) { throw error }
                #expect(response.status == .forbidden)
            }
        }
    }
}
