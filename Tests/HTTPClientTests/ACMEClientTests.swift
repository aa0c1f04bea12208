import ACMECore
import ACMETesting
import Crypto
import Foundation
import HTTPClient
import JOSE
import STIRCertificates
import STIRTesting
import Testing
import TNAuthList
import X509

/// An STI-CA over in-memory stores behind the test adapter on a loopback HTTPS socket.
struct ACMEFixture {
    static let pki = X5UFetcherTests.pki
    static let authority: TokenAuthorityFixture = {
        do { return try TokenAuthorityFixture() } catch { preconditionFailure("token authority: \(error)") }
    }()

    let server: TestHTTPSServer
    let adapter: ACMETestAdapter
    let transport: HTTPSClient

    static func start() async throws -> ACMEFixture {
        let server = try await TestHTTPSServer()
        let counter = Counter()
        let environment = ACMEEnvironment(now: { TestPKI.defaultReferenceTime }, random: { counter.next() })
        let ledger = InMemoryCertificateLedger()
        let issuer = ACMEIssuer(
            certificate: pki.intermediate.certificate, privateKey: pki.intermediate.certificatePrivateKey, chainAboveIssuer: [],
            crlDistributionPointURL: TestPKI.stiPACRLURL, crlIssuer: pki.stiPACRLSigner.certificate.subject, ledger: ledger, environment: environment
        )
        let service = ACMEService(
            linker: ACMELinker(baseURL: "https://localhost:\(server.port)/acme"), configuration: .init(tokenAuthority: "https://sti-pa.example/token"),
            policy: IssuancePolicy(mode: .stiCA, endEntityLifetime: 30 * 86_400, caLifetime: 365 * 86_400),
            accounts: InMemoryAccountStore(), orders: InMemoryOrderStore(), nonces: InMemoryNonceStore(), ledger: ledger,
            validator: TKAuthValidator(trustAnchors: [authority.anchor], source: authority.source, replay: InMemoryTokenReplayStore()),
            issuer: issuer, environment: environment
        )
        let adapter = ACMETestAdapter(service: service)
        server.setHandler { await adapter.handle($0) }
        let transport = try HTTPSClient(configuration: .init(trustRoots: TestTLS.shared.trustRoots))
        return ACMEFixture(server: server, adapter: adapter, transport: transport)
    }

    func client(_ label: String, responseKey: String = "atc") -> ACMEClient {
        ACMEClient(
            configuration: .init(directoryURL: "https://localhost:\(server.port)/acme/directory", challengeResponseKey: responseKey, pollInterval: .milliseconds(10)),
            accountKey: TestPKI.key("client-" + label), transport: transport, sleep: { _ in }
        )
    }

    func token(for client: ACMEClient, _ list: TNAuthorizationList, isCA: Bool = false, jti: String) async throws -> String {
        try Self.authority.token(for: list, accountKey: await client.accountJWK, isCA: isCA, tokenID: jti, expiresAt: TestPKI.defaultReferenceTime + 600)
    }

    func stop() async {
        await transport.shutdown()
        await server.stop()
    }

    static var spc: TNAuthorizationList {
        get throws { try TNAuthorizationList([.spc(try ServiceProviderCode("1234"))]) }
    }

    static func subject() throws -> DistinguishedName {
        try DistinguishedName { CommonName("SHAKEN 1234"); OrganizationName("Example Service Provider"); CountryName("US") }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0x5EED
    func next() -> UInt64 {
        lock.withLock {
            value &+= 0x9E37_79B9_7F4A_7C15
            return value ^ (value >> 29)
        }
    }
}

@Suite("ACME client against ACMEService over loopback HTTPS")
struct ACMEClientTests {
    @Test("a full issuance returns a chain whose leaf carries the ordered TNAuthList", arguments: ["atc", "tkauth"])
    func fullIssuance(_ responseKey: String) async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client("full-" + responseKey, responseKey: responseKey)
        let account = try await client.register()
        #expect(account.created)
        let list = try ACMEFixture.spc
        let issuance = try await client.obtainCertificate(
            for: list, token: try await fixture.token(for: client, list, jti: "full-" + responseKey),
            certificateKey: TestPKI.key("cert-full"), subject: try ACMEFixture.subject()
        )
        #expect(issuance.order.status == "valid")
        let leaf = try #require(issuance.chain.first)
        #expect(try leaf.extensions.tnAuthList == list)
        #expect(leaf.issuer == ACMEFixture.pki.intermediate.certificate.subject)
        #expect(leaf.publicKey == Certificate.PublicKey(TestPKI.key("cert-full").publicKey))
        #expect(fixture.adapter.challengeBodies.last?.hasPrefix("{\"\(responseKey)\":") == true)
    }

    @Test("a ca:true token and cA=TRUE CSR give a CA certificate")
    func caCertificate() async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client("sca")
        let list = try ACMEFixture.spc
        let issuance = try await client.obtainCertificate(
            for: list, token: try await fixture.token(for: client, list, isCA: true, jti: "sca"),
            certificateKey: TestPKI.key("cert-sca"), subject: try ACMEFixture.subject(), isCA: true
        )
        let constraints = try #require(try issuance.chain.first?.extensions.basicConstraints)
        guard case .isCertificateAuthority = constraints else {
            Issue.record("leaf is not a CA: \(constraints)")
            return
        }
    }

    @Test("a token bound to another account key is refused with the server's problem")
    func wrongFingerprint() async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client("victim")
        let other = fixture.client("other")
        let list = try ACMEFixture.spc
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.obtainCertificate(
                for: list, token: try await fixture.token(for: other, list, jti: "stolen"),
                certificateKey: TestPKI.key("cert-x"), subject: try ACMEFixture.subject()
            )
        }
        #expect(error?.problem?.acmeErrorName != nil, "\(String(describing: error))")
        #expect(error?.code == .acmeProblem || error?.code == .orderInvalid)
    }

    @Test("onlyReturnExisting finds the account of the key and refuses an unknown key")
    func onlyReturnExisting() async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let unknown = fixture.client("unknown")
        let error = await #expect(throws: HTTPClientError.self) { try await unknown.register(onlyReturnExisting: true) }
        #expect(error?.problem?.isACMEError("accountDoesNotExist") == true, "\(String(describing: error))")
        let client = fixture.client("known")
        let created = try await client.register()
        let found = try await fixture.client("known").register(onlyReturnExisting: true)
        #expect(!found.created && found.url == created.url)
    }

    @Test("one badNonce answer is retried with the new nonce; a second is surfaced")
    func badNonceRetry() async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client("nonce")
        fixture.adapter.refuseNextWithBadNonce(1)
        _ = try await client.register()
        #expect(await client.badNonceCount == 1)
        fixture.adapter.refuseNextWithBadNonce(2)
        let error = await #expect(throws: HTTPClientError.self) { try await client.newOrder(for: try ACMEFixture.spc) }
        #expect(error?.code == .nonceRetryExhausted)
        #expect(error?.problem?.isACMEError("badNonce") == true)
    }

    @Test("after a key change the new key signs and the old key no longer finds the account")
    func keyChange() async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client("rollover")
        let account = try await client.register()
        try await client.changeKey(to: TestPKI.key("client-rollover-new"))
        let order = try await client.newOrder(for: try ACMEFixture.spc)
        #expect(order.status == "pending")
        let old = fixture.client("rollover")
        await #expect(throws: HTTPClientError.self) { try await old.register(onlyReturnExisting: true) }
        let renamed = ACMEClient(
            configuration: .init(directoryURL: "https://localhost:\(fixture.server.port)/acme/directory"),
            accountKey: TestPKI.key("client-rollover-new"), transport: fixture.transport
        )
        #expect(try await renamed.register(onlyReturnExisting: true).url == account.url)
    }

    @Test("revocation by the account key, then again is alreadyRevoked; by the certificate key works too")
    func revocation() async throws {
        let fixture = try await ACMEFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client("revoker")
        let list = try ACMEFixture.spc
        let first = try await client.obtainCertificate(
            for: list, token: try await fixture.token(for: client, list, jti: "rev-1"), certificateKey: TestPKI.key("cert-rev-1"), subject: try ACMEFixture.subject()
        )
        try await client.revoke(try #require(first.chain.first), reason: 1)
        let again = await #expect(throws: HTTPClientError.self) { try await client.revoke(try #require(first.chain.first)) }
        #expect(again?.problem?.isACMEError("alreadyRevoked") == true, "\(String(describing: again))")
        let renewed = try await client.obtainCertificate(
            for: list, token: try await fixture.token(for: client, list, jti: "rev-2"), certificateKey: TestPKI.key("cert-rev-2"), subject: try ACMEFixture.subject()
        )
        #expect(renewed.chain.first?.serialNumber != first.chain.first?.serialNumber)
        let stranger = fixture.client("stranger")
        try await stranger.revoke(try #require(renewed.chain.first), certificateKey: TestPKI.key("cert-rev-2"))
    }
}
