import ACMETesting
import AuthorityToken
import Foundation
import HTTPServer
import Hummingbird
import PolicyAdministration
import STIRTesting
import Synchronization
import TNAuthList

/// An STI-PA over in-memory stores with two accounts (`sp-1234` SPC-only with user `alice`,
/// `sp-5678` TN-level and STI-SCA-authorised with user `tina`), signing SPC tokens with the test
/// token authority the STI-CA trusts.
struct PATestServer {
    static let password = "correct horse battery staple"
    static let adminSecret = "operator-secret-for-tests"
    static let hasher = PasswordHasher(costExponent: 10)

    let world: TestWorld
    let stores: PolicyAdministrationStores
    let services: PolicyAdministrationRouter.Services

    init(world: TestWorld) async throws {
        self.world = world
        let stores = PolicyAdministrationStores.inMemory()
        self.stores = stores
        let authentication = PortalAuthentication(
            stores: stores, hasher: Self.hasher, sessionLifetime: 600, randomBytes: world.randomBytes, now: world.clock
        )
        let authority = ACMETestServer.paAuthority
        let pki = ACMETestServer.pki
        let counter = TokenCounter()
        services = PolicyAdministrationRouter.Services(
            authentication: authentication,
            tokens: SPCTokenIssuer(
                stores: stores, authentication: authentication,
                signer: try AuthorityTokenSigner(privateKey: authority.signingKey, x5u: authority.x5u),
                issuer: "https://sti-pa.example", tokenLifetime: 600, crlURL: TestPKI.stiPACRLURL,
                now: world.clock, makeTokenID: { counter.next() }
            ),
            trustList: TrustListPublisher(store: stores.trustList, signingKey: authority.signingKey, x5u: authority.x5u, now: world.clock),
            crl: SHAKENCRLPublisher(
                store: stores.revocations,
                issuer: SHAKENCRLIssuer(
                    signerCertificate: pki.stiPACRLSigner.certificate, signerKey: pki.stiPACRLSigner.certificatePrivateKey,
                    distributionPointURL: TestPKI.stiPACRLURL
                )
            ),
            administration: AccountAdministration(stores: stores, hasher: Self.hasher, randomBytes: world.randomBytes)
        )
        try await services.administration.createAccount(
            ServiceProviderAccount(id: AccountID("sp-1234"), name: "Example SP", spc: try ServiceProviderCode("1234"))
        )
        try await services.administration.createAccount(
            ServiceProviderAccount(
                id: AccountID("sp-5678"), name: "Example TNSP", spc: try ServiceProviderCode("5678"),
                tnRanges: [try TestPKI.range("12025550100", 100)], mayRunSubordinateCA: true
            )
        )
        try await services.administration.createUser(userID: "alice", accountID: AccountID("sp-1234"), password: Self.password)
        try await services.administration.createUser(userID: "tina", accountID: AccountID("sp-5678"), password: Self.password)
    }

    func router(admin: String? = PATestServer.adminSecret) -> Router<BasicRequestContext> {
        PolicyAdministrationRouter.build(services: services, configuration: .init(adminCredential: admin, now: world.clock))
    }
}

/// Unique `jti` values.
final class TokenCounter: Sendable {
    private let value = Mutex(0)

    func next() -> String {
        value.withLock { $0 += 1; return "pa-jti-\($0)" }
    }
}
