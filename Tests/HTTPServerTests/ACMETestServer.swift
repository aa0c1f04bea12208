import ACMECore
import ACMETesting
import Foundation
import HTTPServer
import Hummingbird
import STIRTesting
import TNAuthList

/// An STI-CA or STI-SCA over in-memory stores, with its router.
struct ACMETestServer {
    enum Role {
        case stiCA
        case stiSCA
    }

    static let pki: TestPKI = {
        do { return try TestPKI() } catch { preconditionFailure("TestPKI: \(error)") }
    }()
    /// The STI-PA's token authority (trusted by the STI-CA).
    static let paAuthority: TokenAuthorityFixture = {
        do { return try TokenAuthorityFixture() } catch { preconditionFailure("token authority: \(error)") }
    }()
    /// The STI-SCA acting as token authority for its customers.
    static let scaAuthority: TokenAuthorityFixture = {
        do {
            return try TokenAuthorityFixture(label: "sca-customer-token", x5u: "https://sca.tnsp.example/token-signer.pem")
        } catch { preconditionFailure("token authority: \(error)") }
    }()

    let world: TestWorld
    let service: ACMEService
    let linker: ACMELinker
    let nonces = InMemoryNonceStore()

    init(role: Role = .stiCA, world: TestWorld = TestWorld(), baseURL: String? = nil, accounts: any AccountStore = InMemoryAccountStore()) {
        self.world = world
        let pki = Self.pki
        let issuerEntity = role == .stiCA ? pki.intermediate : pki.subordinateCA
        let scope = ((try? pki.subordinateCA.certificate.extensions.tnAuthList) ?? nil).map(TNScope.init) ?? TNScope()
        let authority = role == .stiCA ? Self.paAuthority : Self.scaAuthority
        let ledger = InMemoryCertificateLedger()
        linker = ACMELinker(baseURL: baseURL ?? (role == .stiCA ? "https://sti-ca.example/acme" : "https://sca.tnsp.example/acme"))
        let issuer = ACMEIssuer(
            certificate: issuerEntity.certificate, privateKey: issuerEntity.certificatePrivateKey,
            chainAboveIssuer: role == .stiCA ? [] : [pki.intermediate.certificate],
            crlDistributionPointURL: role == .stiCA ? TestPKI.stiPACRLURL : TestPKI.scaCRLURL,
            crlIssuer: role == .stiCA ? pki.stiPACRLSigner.certificate.subject : nil,
            ledger: ledger, environment: world.environment
        )
        service = ACMEService(
            linker: linker,
            configuration: .init(tokenAuthority: role == .stiCA ? "https://sti-pa.example/api/v1/account/sp-1234/token" : nil),
            policy: IssuancePolicy(mode: role == .stiCA ? .stiCA : .stiSCA(scope: scope), endEntityLifetime: 30 * 86_400, caLifetime: 365 * 86_400),
            accounts: accounts, orders: InMemoryOrderStore(), nonces: nonces, ledger: ledger,
            validator: TKAuthValidator(trustAnchors: [authority.anchor], source: authority.source, replay: InMemoryTokenReplayStore()),
            issuer: issuer, environment: world.environment
        )
    }

    func router(_ configuration: ACMERouter.Configuration = .init(termsOfService: "https://sti-ca.example/terms")) -> Router<BasicRequestContext> {
        ACMERouter.build(service: service, configuration: configuration)
    }

    var application: some ApplicationProtocol {
        Application(router: router())
    }
}
