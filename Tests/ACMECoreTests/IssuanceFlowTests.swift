import ACMECore
import ACMETesting
import Foundation
import JOSE
import STIRCertificates
import STIRTesting
import TNAuthList
import Testing
import X509

@Suite("Issuance flows with in-memory stores")
struct IssuanceFlowTests {
    static var spc1234: TNAuthorizationList {
        get throws { try TNAuthorizationList([.spc(ServiceProviderCode("1234"))]) }
    }

    static func list(_ entries: [TNEntry]) throws -> TNAuthorizationList { try TNAuthorizationList(entries) }

    static func chainVerifies(_ issued: IssuedCertificate) async throws -> ValidatedSTIChain? {
        let verifier = STIChainVerifier(configuration: STITrustConfiguration(trustAnchors: [Harness.pki.root.certificate], revocation: .notChecked))
        return await verifier.verify(chainPEM: issued.chainPEM, at: TestPKI.defaultReferenceTime + 60).validatedChain
    }

    @Test("STI-CA: account, order, tkauth-01, finalize gives an SP certificate that lints clean and chains")
    func serviceProviderCertificate() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let (order, issued) = try await harness.issue(client, try Self.spc1234)
        #expect(order.status == .valid)
        let certificate = try Certificate(derEncoded: issued.der)
        #expect(STICertificateProfile.classify(certificate, issuer: Harness.pki.intermediate.certificate) == .endEntity)
        #expect(STICertificateLinter().lint(certificate, issuer: Harness.pki.intermediate.certificate, profile: .endEntity).isEmpty)
        #expect(certificate.serialNumber.bytes.count >= 8, "at least 64 bits of serial")
        let chain = try await Self.chainVerifies(issued)
        #expect(chain?.leafProfile == .endEntity)
        #expect(issued.chainPEM.components(separatedBy: "BEGIN CERTIFICATE").count == 3, "leaf and intermediate")
        // Backdated by the configured minute so relying parties a little behind accept it at once; the
        // lifetime counts from notBefore.
        #expect(certificate.notValidBefore == harness.world.now - 60)
        #expect(try certificate.notValidAfter.timeIntervalSince(certificate.notValidBefore) == harness.service.policy.plan(for: order.identifier, requestsCA: false, grantsCA: false).lifetime)
    }

    @Test("the challenge response is also accepted under the tkauth key")
    func tkauthKey() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc1234)
        let challenge = try await harness.respond(client, order: order, token: try harness.token(client, try Self.spc1234), key: "tkauth")
        #expect(challenge.status == .valid)
        #expect(challenge.validated == harness.world.now)
    }

    @Test("a new order carries one tkauth-01 challenge with tkauth-type atc and the token authority")
    func challengeShape() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc1234)
        #expect(order.status == .pending)
        let authorization = try #require(await harness.orders.authorization(order.authorizationIDs[0]))
        #expect(authorization.challenges.count == 1)
        #expect(ACMEChallenge.type == "tkauth-01" && ACMEChallenge.tokenType == "atc")
        #expect(authorization.challenges[0].tokenAuthority == "https://sti-pa.example/api/v1/account/1/token")
        #expect(authorization.challenges[0].token.count >= 22, "at least 128 bits")
    }

    @Test("STI-CA with a ca:true token and a cA CSR issues an STI-SCA certificate")
    func subordinateCA() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sca")
        let list = try Self.list([.spc(ServiceProviderCode("5678")), try TestPKI.range("12025550100", 100)])
        let spcOnly = try Self.list([.spc(ServiceProviderCode("5678"))])
        let (_, issued) = try await harness.issue(client, spcOnly, isCA: true, csrCA: true, commonName: "SHAKEN 5678 STI-SCA")
        let certificate = try Certificate(derEncoded: issued.der)
        #expect(STICertificateProfile.classify(certificate, issuer: Harness.pki.intermediate.certificate) == .subordinateCA)
        #expect(STICertificateLinter().lint(certificate, issuer: Harness.pki.intermediate.certificate, profile: .subordinateCA).isEmpty)
        #expect(list.entries.count == 2)
    }

    @Test("a cA CSR without a ca:true token is refused with badCSR and the order becomes invalid")
    func caWithoutGrant() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc1234)
        _ = try await harness.respond(client, order: order, token: try harness.token(client, try Self.spc1234, isCA: false))
        await #expect(throws: ACMEError(.badCSR, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(try Self.spc1234, key: TestPKI.key("s"), ca: true))
        }
        #expect(await harness.orders.order(order.id)?.status == .invalid)
    }

    @Test("a CSR whose TNAuthList differs from the identifier is refused and the order is not left processing")
    func csrMismatch() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc1234)
        _ = try await harness.respond(client, order: order, token: try harness.token(client, try Self.spc1234))
        let other = try Self.list([.spc(ServiceProviderCode("9999"))])
        await #expect(throws: ACMEError(.badCSR, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(other, key: TestPKI.key("s")))
        }
        let stored = await harness.orders.order(order.id)
        #expect(stored?.status == .invalid)
        #expect(stored?.error?.code == .badCSR)
    }

    @Test("finalize before the challenge is valid is orderNotReady")
    func notReady() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, try Self.spc1234)
        await #expect(throws: ACMEError(.orderNotReady, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(try Self.spc1234, key: TestPKI.key("s")))
        }
    }

    @Test("STI-CA issues a TN-level end-entity certificate directly under its intermediate")
    func tnLevel() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("pbx")
        let list = try Self.list([try TestPKI.range("12025550170", 10)])
        let (_, issued) = try await harness.issue(client, list, commonName: "SHAKEN PBX")
        let certificate = try Certificate(derEncoded: issued.der)
        #expect(try certificate.extensions.tnAuthList == list)
        #expect(certificate.issuer == Harness.pki.intermediate.certificate.subject)
        let rules = STILintRules.all.filter { !IssuancePolicy.tnLevelExemptRules.contains($0.id) }
        #expect(STICertificateLinter(rules: rules).lint(certificate, issuer: Harness.pki.intermediate.certificate, profile: .endEntity).isEmpty)
    }

    @Test("STI-SCA issues a delegate certificate inside its scope that chains through the SCA")
    func delegateInside() async throws {
        let harness = Harness(role: .stiSCA)
        let client = try await harness.newAccount("enterprise")
        let list = try Self.list([try TestPKI.range("12025550120", 10)])
        let (_, issued) = try await harness.issue(client, list, commonName: "Example Enterprise")
        let certificate = try Certificate(derEncoded: issued.der)
        #expect(STICertificateLinter().lint(certificate, issuer: Harness.pki.subordinateCA.certificate, profile: .delegateEndEntity).isEmpty)
        let chain = try await Self.chainVerifies(issued)
        #expect(chain?.leafProfile == .delegateEndEntity)
        #expect(chain?.isDelegate == true)
    }

    @Test("STI-SCA issues a sub-delegating CA certificate with a ca:true token")
    func delegateCA() async throws {
        let harness = Harness(role: .stiSCA)
        let client = try await harness.newAccount("pbx-ca")
        let list = try Self.list([try TestPKI.range("12025550150", 20)])
        let (_, issued) = try await harness.issue(client, list, isCA: true, csrCA: true, commonName: "Example PBX CA")
        let certificate = try Certificate(derEncoded: issued.der)
        #expect(STICertificateProfile.classify(certificate, issuer: Harness.pki.subordinateCA.certificate) == .delegateCA)
    }

    @Test("STI-SCA refuses numbers outside its scope at newOrder with rejectedIdentifier")
    func delegateOutside() async throws {
        let harness = Harness(role: .stiSCA)
        let client = try await harness.newAccount("enterprise")
        let list = try Self.list([try TestPKI.range("13035550100", 10)])
        do {
            _ = try await harness.newOrder(client, list)
            Issue.record("order accepted")
        } catch let error as ACMEError {
            #expect(error.code == .rejectedIdentifier)
            #expect(error.reason.contains("outside the numbers this STI-SCA holds"))
        }
    }

    @Test("newOrder refuses other identifier types and more than one identifier")
    func identifiers() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        await #expect(throws: ACMEError(.unsupportedIdentifier, "")) {
            try await harness.service.newOrder(try await harness.request(
                client, url: harness.linker.newOrder, payload: Harness.identifierPayload(try Self.spc1234, type: "dns")
            ))
        }
        let two: JSONValue = .object(try JSONObject([.init("identifiers", .array([
            .object(try JSONObject([.init("type", .string("TNAuthList")), .init("value", .string("MAigBhYEMTIzNA=="))])),
            .object(try JSONObject([.init("type", .string("TNAuthList")), .init("value", .string("MAigBhYEMTIzNA=="))])),
        ]))]))
        await #expect(throws: ACMEError(.malformed, "")) {
            try await harness.service.newOrder(try await harness.request(client, url: harness.linker.newOrder, payload: two))
        }
    }

    @Test("another account cannot read or finalize an order")
    func ownership() async throws {
        let harness = Harness()
        let owner = try await harness.newAccount("sp")
        let other = try await harness.newAccount("other")
        let order = try await harness.newOrder(owner, try Self.spc1234)
        await #expect(throws: ACMEError(.unauthorized, "")) {
            try await harness.service.order(order.id, request: try await harness.request(other, url: harness.linker.order(order.id), payload: nil))
        }
    }
}

