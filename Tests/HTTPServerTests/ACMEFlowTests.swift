import ACMECore
import ACMETesting
import Crypto
import Foundation
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import Testing
import X509

@Suite("ACME issuance over HTTP with SPC tokens from the STI-PA routes")
struct ACMEFlowTests {
    static var spc1234: TNAuthorizationList {
        get throws { try TNAuthorizationList([.spc(ServiceProviderCode("1234"))]) }
    }

    static func verifiedChain(_ pem: String) async -> ValidatedSTIChain? {
        let verifier = STIChainVerifier(configuration: STITrustConfiguration(trustAnchors: [ACMETestServer.pki.root.certificate], revocation: .notChecked))
        return await verifier.verify(chainPEM: pem, at: TestPKI.defaultReferenceTime + 60).validatedChain
    }

    @Test("STI-CA: account, order, tkauth-01 with a PA-issued token, finalize, download; the chain verifies; revocation by the account")
    func serviceProviderFlow() async throws {
        let world = TestWorld()
        let ca = ACMETestServer(world: world)
        let pa = try await PATestServer(world: world)
        try await Application(router: pa.router()).test(.router) { paClient in
            try await ca.application.test(.router) { client in
                let acme = try await ACMEHTTPClient(client, linker: ca.linker, key: ACMEClientKey(TestPKI.key("flow-sp"))).register()
                let list = try Self.spc1234
                let (order, orderURL) = try await acme.newOrder(list)
                #expect(order["status"]?.stringValue == "pending")
                #expect(order["identifiers"]?.arrayValue?.first?.objectValue?["value"]?.stringValue == (try list.base64EncodedString()))

                let challengeURL = try await acme.challengeURL(order: order)
                let pending = try ACMEHTTPClient.json(try await acme.post(challengeURL, payload: nil))
                #expect(pending["type"]?.stringValue == "tkauth-01")
                #expect(pending["tkauth-type"]?.stringValue == "atc")
                #expect(pending["token-authority"]?.stringValue == "https://sti-pa.example/api/v1/account/sp-1234/token")
                #expect(pending["status"]?.stringValue == "pending")

                let token = try await PAHTTPClient(client: paClient).spcToken(user: "alice", account: "sp-1234", list: list, accountKey: acme.key.jwk)
                let answered = try await acme.post(challengeURL, payload: try object([("atc", .string(token))]))
                #expect(answered.status == .ok)
                #expect(answered.headers[values: .linkForTests].contains { $0.hasSuffix(";rel=\"up\"") })
                let challenge = try ACMEHTTPClient.json(answered)
                #expect(challenge["status"]?.stringValue == "valid")
                #expect(challenge["validated"]?.stringValue == "2025-01-01T00:00:00Z")
                #expect(try ACMEHTTPClient.json(try await acme.post(orderURL, payload: nil))["status"]?.stringValue == "ready")

                let finalized = try await acme.finalize(order: order, list: list, subjectKey: TestPKI.key("flow-sp-subject"))
                #expect(finalized.status == .ok, "\(String(buffer: finalized.body))")
                let valid = try ACMEHTTPClient.json(finalized)
                #expect(valid["status"]?.stringValue == "valid")
                let certificateURL = try #require(valid["certificate"]?.stringValue)

                let download = try await acme.post(certificateURL, payload: nil)
                #expect(download.status == .ok)
                #expect(download.headers[.contentType] == "application/pem-certificate-chain")
                let pem = String(buffer: download.body)
                let chain = await Self.verifiedChain(pem)
                #expect(chain?.leafProfile == .endEntity)

                let der = try #require(try PEMDocument.parseMultiple(pemString: pem).first).derBytes
                let revoked = try await acme.post(ca.linker.revokeCert, payload: try object([("certificate", .string(Base64URL.encode(der))), ("reason", .integer(4))]))
                #expect(revoked.status == .ok)
                let again = try await acme.post(ca.linker.revokeCert, payload: try object([("certificate", .string(Base64URL.encode(der)))]))
                #expect(try ACMEHTTPClient.problemType(again) == "urn:ietf:params:acme:error:alreadyRevoked")
            }
        }
    }

    @Test("a token bound to another account key makes the challenge and order invalid with the reason embedded")
    func wrongFingerprint() async throws {
        let world = TestWorld()
        let ca = ACMETestServer(world: world)
        let pa = try await PATestServer(world: world)
        try await Application(router: pa.router()).test(.router) { paClient in
            try await ca.application.test(.router) { client in
                let acme = try await ACMEHTTPClient(client, linker: ca.linker, key: ACMEClientKey(TestPKI.key("flow-fp"))).register()
                let list = try Self.spc1234
                let (order, orderURL) = try await acme.newOrder(list)
                let challengeURL = try await acme.challengeURL(order: order)
                let other = ACMEClientKey(TestPKI.key("flow-fp-other")).jwk
                let token = try await PAHTTPClient(client: paClient).spcToken(user: "alice", account: "sp-1234", list: list, accountKey: other)
                let challenge = try ACMEHTTPClient.json(try await acme.post(challengeURL, payload: try object([("tkauth", .string(token))])))
                #expect(challenge["status"]?.stringValue == "invalid")
                #expect(challenge["error"]?.objectValue?["type"]?.stringValue?.hasPrefix("urn:ietf:params:acme:error:") == true)
                let failed = try ACMEHTTPClient.json(try await acme.post(orderURL, payload: nil))
                #expect(failed["status"]?.stringValue == "invalid")
                #expect(failed["error"] != nil)
                let finalize = try await acme.finalize(order: order, list: list, subjectKey: TestPKI.key("flow-fp-subject"))
                #expect(try ACMEHTTPClient.problemType(finalize) == "urn:ietf:params:acme:error:orderNotReady")
                #expect(finalize.status == .forbidden)
            }
        }
    }

    @Test("newOrder with a dns identifier is unsupportedIdentifier")
    func unsupportedIdentifier() async throws {
        let ca = ACMETestServer()
        try await ca.application.test(.router) { client in
            let acme = try await ACMEHTTPClient(client, linker: ca.linker, key: ACMEClientKey(TestPKI.key("flow-dns"))).register()
            let response = try await acme.post(ca.linker.newOrder, payload: try ACMEHTTPClient.identifiers(try Self.spc1234, type: "dns"))
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:unsupportedIdentifier")
        }
    }

    @Test("STI-SCA issues a delegate certificate inside its numbers that chains through the SCA")
    func delegateInside() async throws {
        let world = TestWorld()
        let sca = ACMETestServer(role: .stiSCA, world: world)
        try await sca.application.test(.router) { client in
            let acme = try await ACMEHTTPClient(client, linker: sca.linker, key: ACMEClientKey(TestPKI.key("flow-ent"))).register()
            let list = try TNAuthorizationList([try TestPKI.range("12025550120", 10)])
            let (order, _) = try await acme.newOrder(list)
            let token = try ACMETestServer.scaAuthority.token(for: list, accountKey: acme.key.jwk, tokenID: "sca-1", expiresAt: world.now + 600)
            let challenge = try ACMEHTTPClient.json(try await acme.post(try await acme.challengeURL(order: order), payload: try object([("atc", .string(token))])))
            #expect(challenge["status"]?.stringValue == "valid")
            let finalized = try ACMEHTTPClient.json(try await acme.finalize(order: order, list: list, subjectKey: TestPKI.key("flow-ent-subject"), commonName: "Example Enterprise"))
            let download = try await acme.post(try #require(finalized["certificate"]?.stringValue), payload: nil)
            let chain = await Self.verifiedChain(String(buffer: download.body))
            #expect(chain?.leafProfile == .delegateEndEntity)
            #expect(chain?.isDelegate == true)
        }
    }

    @Test("STI-SCA refuses numbers outside its scope with rejectedIdentifier naming them")
    func delegateOutside() async throws {
        let sca = ACMETestServer(role: .stiSCA)
        try await sca.application.test(.router) { client in
            let acme = try await ACMEHTTPClient(client, linker: sca.linker, key: ACMEClientKey(TestPKI.key("flow-out"))).register()
            let list = try TNAuthorizationList([try TestPKI.range("13035550100", 10)])
            let response = try await acme.post(sca.linker.newOrder, payload: try ACMEHTTPClient.identifiers(list))
            #expect(response.status == .badRequest)
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:rejectedIdentifier")
            #expect(try ACMEHTTPClient.json(response)["detail"]?.stringValue?.contains("outside the numbers this STI-SCA holds") == true)
        }
    }

    @Test("the STI-CA and an STI-SCA share one router under different base paths")
    func sharedRouter() async throws {
        let world = TestWorld()
        let ca = ACMETestServer(world: world, baseURL: "https://authorities.example/ca")
        let sca = ACMETestServer(role: .stiSCA, world: world, baseURL: "https://authorities.example/sca")
        let router = Router(context: BasicRequestContext.self)
        ACMERouter.addRoutes(to: router, service: ca.service)
        ACMERouter.addRoutes(to: router, service: sca.service)
        try await Application(router: router).test(.router) { client in
            let caDirectory = try ACMEHTTPClient.json(try await client.execute(uri: "/ca/directory", method: .get))
            let scaDirectory = try ACMEHTTPClient.json(try await client.execute(uri: "/sca/directory", method: .get))
            #expect(caDirectory["newOrder"]?.stringValue == "https://authorities.example/ca/new-order")
            #expect(scaDirectory["newOrder"]?.stringValue == "https://authorities.example/sca/new-order")
            let acme = try await ACMEHTTPClient(client, linker: sca.linker, key: ACMEClientKey(TestPKI.key("flow-shared"))).register()
            let crossed = try await acme.post(ca.linker.newOrder, payload: try ACMEHTTPClient.identifiers(try Self.spc1234))
            #expect(try ACMEHTTPClient.problemType(crossed) == "urn:ietf:params:acme:error:accountDoesNotExist")
        }
    }

    @Test("one nonce sent by many concurrent requests is accepted exactly once")
    func concurrentNonce() async throws {
        let ca = ACMETestServer()
        try await ca.application.test(.router) { client in
            let acme = try await ACMEHTTPClient(client, linker: ca.linker, key: ACMEClientKey(TestPKI.key("flow-race"))).register()
            let kid = try #require(acme.kid)
            let nonce = try await acme.nonce()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<24 {
                    group.addTask { try await acme.post(kid, payload: nil, nonce: nonce).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .badRequest }.count == 23)
        }
    }
}
