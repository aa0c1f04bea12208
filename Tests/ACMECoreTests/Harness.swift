import ACMECore
import ACMETesting
import Crypto
import Foundation
import JOSE
import STIRCertificates
import STIRTesting
import TNAuthList
import SwiftASN1
import X509

/// A deterministic clock and random source shared by a test's service.
final class TestWorld: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date
    private var state: UInt64
    private var frozen = false

    init(time: Date = TestPKI.defaultReferenceTime, seed: UInt64 = 0xACE) {
        self.time = time
        self.state = seed
    }

    var now: Date { lock.withLock { time } }

    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }

    /// From now on every draw repeats the same value.
    func freezeRandom() { lock.withLock { frozen = true } }

    /// The serial the next issuance will draw, without drawing it.
    func peekSerial() -> CertificateSerial {
        let copy = TestWorld(time: now, seed: lock.withLock { state })
        if lock.withLock({ frozen }) { copy.freezeRandom() }
        var generator = copy.environment.generator
        return CertificateSerial(STICertificateBuilder.randomSerialNumber(using: &generator))
    }

    func next() -> UInt64 {
        lock.withLock {
            if !frozen { state &+= 0x9E37_79B9_7F4A_7C15 }
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    var environment: ACMEEnvironment {
        ACMEEnvironment(now: { [self] in now }, random: { [self] in next() })
    }
}

/// An ACME CA over in-memory stores, with a client that drives it through verified requests.
struct Harness {
    static let pki: TestPKI = {
        do { return try TestPKI() } catch { preconditionFailure("TestPKI: \(error)") }
    }()
    static let authority: TokenAuthorityFixture = {
        do { return try TokenAuthorityFixture() } catch { preconditionFailure("token authority: \(error)") }
    }()

    let world: TestWorld
    let accounts = InMemoryAccountStore()
    let orders = InMemoryOrderStore()
    let nonces = InMemoryNonceStore()
    let ledger: any CertificateLedger
    let replay = InMemoryTokenReplayStore()
    let service: ACMEService
    let verifier: ACMERequestVerifier
    let linker = ACMELinker(baseURL: "https://sti-ca.example/acme")

    enum Role {
        case stiCA
        case stiSCA
    }

    init(role: Role = .stiCA, world: TestWorld = TestWorld(), ledger: any CertificateLedger = InMemoryCertificateLedger(), probe: IssuanceProbe = .none) {
        self.world = world
        self.ledger = ledger
        let pki = Self.pki
        let issuerEntity = role == .stiCA ? pki.intermediate : pki.subordinateCA
        let chainAbove = role == .stiCA ? [] : [pki.intermediate.certificate]
        let mode: IssuancePolicy.Mode =
            role == .stiCA ? .stiCA : .stiSCA(scope: ((try? issuerEntity.certificate.extensions.tnAuthList) ?? nil).map(TNScope.init) ?? TNScope())
        let issuer = ACMEIssuer(
            certificate: issuerEntity.certificate, privateKey: issuerEntity.certificatePrivateKey, chainAboveIssuer: chainAbove,
            crlDistributionPointURL: role == .stiCA ? TestPKI.stiPACRLURL : TestPKI.scaCRLURL,
            crlIssuer: role == .stiCA ? pki.stiPACRLSigner.certificate.subject : nil,
            ledger: ledger, environment: world.environment, probe: probe
        )
        let validator = TKAuthValidator(trustAnchors: [Self.authority.anchor], source: Self.authority.source, replay: replay)
        service = ACMEService(
            linker: linker, configuration: .init(tokenAuthority: "https://sti-pa.example/api/v1/account/1/token"),
            policy: IssuancePolicy(mode: mode, endEntityLifetime: 30 * 86_400, caLifetime: 365 * 86_400),
            accounts: accounts, orders: orders, nonces: nonces, ledger: ledger, validator: validator, issuer: issuer,
            environment: world.environment
        )
        verifier = service.requestVerifier()
    }

    /// A client account.
    struct Client {
        let key: ACMEClientKey
        let account: ACMEAccount
        var kid: String
    }

    static func clientKey(_ label: String) -> ACMEClientKey {
        ACMEClientKey(TestPKI.key("acme-" + label))
    }

    /// A signed `kid` request with a fresh nonce.
    func request(_ client: Client, url: String, payload: JSONValue?) async throws -> AuthenticatedRequest {
        let body = try client.key.sign(url: url, nonce: try await service.newNonce(), kid: client.kid, payload: payload)
        return try await verifier.verifyAccountRequest(body: body, url: url)
    }

    func newAccount(_ label: String) async throws -> Client {
        let key = Self.clientKey(label)
        let body = try key.sign(
            url: linker.newAccount, nonce: try await service.newNonce(), kid: nil,
            payload: .object(try JSONObject([.init("termsOfServiceAgreed", .bool(true))]))
        )
        let result = try await service.newAccount(try await verifier.verifyKeyRequest(body: body, url: linker.newAccount))
        return Client(key: key, account: result.account, kid: linker.account(result.account.id))
    }

    static func identifierPayload(_ list: TNAuthorizationList, type: String = "TNAuthList") throws -> JSONValue {
        .object(try JSONObject([
            .init("identifiers", .array([.object(try JSONObject([
                .init("type", .string(type)), .init("value", .string(try list.base64EncodedString())),
            ]))])),
        ]))
    }

    func newOrder(_ client: Client, _ list: TNAuthorizationList) async throws -> ACMEOrder {
        try await service.newOrder(try await request(client, url: linker.newOrder, payload: Self.identifierPayload(list)))
    }

    func token(_ client: Client, _ list: TNAuthorizationList, isCA: Bool = false, jti: String = "jti-1") throws -> String {
        try Self.authority.token(for: list, accountKey: client.key.jwk, isCA: isCA, tokenID: jti, expiresAt: world.now + 600)
    }

    /// Responds to the order's challenge with `token` under `key` (`atc` or `tkauth`).
    func respond(_ client: Client, order: ACMEOrder, token: String, key: String = "atc") async throws -> ACMEChallenge {
        let authorizationURL = linker.authorization(order.authorizationIDs[0])
        let authorization = try await service.authorization(order.authorizationIDs[0], request: try await request(client, url: authorizationURL, payload: nil))
        let challengeID = authorization.challenges[0].id
        let url = linker.challenge(challengeID)
        return try await service.respondToChallenge(
            challengeID, request: try await request(client, url: url, payload: .object(try JSONObject([.init(key, .string(token))])))
        )
    }

    static func csr(
        _ list: TNAuthorizationList, key: P256.Signing.PrivateKey, ca: Bool = false, commonName: String = "SHAKEN 1234"
    ) throws -> JSONValue {
        let csr = try CertificateSigningRequest.stiRequest(
            subject: .shaken(commonName: commonName, organization: "Example Service Provider", country: "US"),
            privateKey: Certificate.PrivateKey(key), tnAuthList: list,
            basicConstraints: ca ? .isCertificateAuthority(maxPathLength: nil) : nil
        )
        var serializer = DER.Serializer()
        try serializer.serialize(csr)
        return .object(try JSONObject([.init("csr", .string(Base64URL.encode(serializer.serializedBytes)))]))
    }

    func finalize(_ client: Client, order: ACMEOrder, csr: JSONValue) async throws -> ACMEOrder {
        try await service.finalize(order.id, request: try await request(client, url: linker.finalize(order.id), payload: csr))
    }

    /// Runs account → order → tkauth-01 → finalize and returns the order and certificate.
    func issue(
        _ client: Client, _ list: TNAuthorizationList, isCA: Bool = false, csrCA: Bool = false, commonName: String = "SHAKEN 1234",
        jti: String = "jti-1"
    ) async throws -> (ACMEOrder, IssuedCertificate) {
        let order = try await newOrder(client, list)
        let challenge = try await respond(client, order: order, token: try token(client, list, isCA: isCA, jti: jti))
        guard challenge.status == .valid else { throw challenge.error ?? ACMEError(.serverInternal, "challenge not valid") }
        let finalized = try await finalize(client, order: order, csr: Self.csr(list, key: TestPKI.key("subject-" + jti), ca: csrCA, commonName: commonName))
        guard let serial = finalized.certificateSerial else { throw ACMEError(.serverInternal, "no certificate") }
        let certificate = try await service.certificate(serial, request: try await request(client, url: linker.certificate(serial), payload: nil))
        return (finalized, certificate)
    }
}

