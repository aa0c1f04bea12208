import ACMECore
import AuthorityToken
import Crypto
import Foundation
import HTTPClient
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import PolicyAdministration
import ProviderPortal
import TNAuthList
import Testing

/// A provider over in-memory stores: its scope 12025550100+100, customer `pbx-1` (user `pbx`) with the
/// 10 numbers from 12025550110, customer `ent-1` (user `ent`) with the 10 numbers from 12025550150.
/// The STI-PA and the STI-CA behind its proxies are unreachable (a closed loopback port), so only what
/// the portal decides before asking them is observable.
struct PortalFixture {
    static let password = "correct horse battery staple"
    static let proxyBase = "https://sp1.example/proxy/acme"
    static let unreachable = "https://127.0.0.1:1"

    let delegations = InMemoryDelegationRegistry()
    let registry = InMemorySPCAProxyRegistry()
    let customers: CustomerTokenRoutes
    let transport: HTTPSClient

    static func entry(_ start: String, _ count: Int) throws -> TNEntry {
        .range(try TelephoneNumberRange(start: TelephoneNumber(start), count: count))
    }

    static func range(_ start: String, _ count: Int) throws -> TNAuthorizationList {
        try TNAuthorizationList([try entry(start, count)])
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    init() async throws {
        let stores = PolicyAdministrationStores.inMemory()
        let hasher = PasswordHasher(costExponent: 10)
        let authentication = PortalAuthentication(stores: stores, hasher: hasher, randomBytes: Self.randomBytes, now: { Date() })
        let authority = CustomerTokenAuthority(
            providerScope: TNScope(try Self.range("12025550100", 100)), registry: delegations,
            signer: try AuthorityTokenSigner(privateKey: P256.Signing.PrivateKey(), x5u: "https://sp1.example/sca/token.pem"),
            issuer: "https://sp1.example", crlURL: "https://sp1.example/crl/sca.crl", now: { Date() }, makeTokenID: { UUID().uuidString }
        )
        customers = CustomerTokenRoutes(authentication: authentication, authority: authority)
        let administration = AccountAdministration(stores: stores, hasher: hasher, randomBytes: Self.randomBytes)
        for (id, user, start, code) in [("pbx-1", "pbx", "12025550110", "1001"), ("ent-1", "ent", "12025550150", "1002")] {
            let entry = try Self.entry(start, 10)
            try await authority.registerCustomer(Delegation(customer: CustomerID(id), tnAuthList: try TNAuthorizationList([entry])))
            try await administration.createAccount(
                ServiceProviderAccount(id: AccountID(id), name: id, spc: try ServiceProviderCode(code), tnRanges: [entry])
            )
            try await administration.createUser(userID: user, accountID: AccountID(id), password: Self.password)
        }
        try await administration.createAccount(ServiceProviderAccount(id: AccountID("old-1"), name: "old-1", spc: try ServiceProviderCode("1003")))
        try await administration.createUser(userID: "old", accountID: AccountID("old-1"), password: Self.password)
        transport = try HTTPSClient(configuration: .init(connectTimeout: .seconds(2), totalTimeout: .seconds(5)))
    }

    /// The customer token API, the SP-PA-proxy and the SP-CA-proxy on one router, as the STI-SCA serves them.
    var router: Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        customers.add(to: router)
        SPPAProxyRoutes(
            customers: customers, proxy: SPPAProxy(registry: delegations), registry: registry,
            uplink: ProviderUplink(policyAdministrator: Self.unreachable, accountID: "sp-5678", userID: "tina", password: Self.password, transport: transport)
        ).add(to: router)
        SPCAProxyRoutes(
            baseURL: Self.proxyBase, upstreamBaseURL: Self.unreachable + "/acme", transport: transport, registry: registry, delegations: delegations
        ).add(to: router)
        return router
    }

    /// Runs `body` against the routes, then closes the HTTPS client.
    static func withPortal(_ body: @Sendable (any TestClientProtocol, PortalFixture) async throws -> Void) async throws {
        let fixture = try await PortalFixture()
        do {
            try await Application(router: fixture.router).test(.router) { client in try await body(client, fixture) }
        } catch {
            await fixture.transport.shutdown()
            throw error
        }
        await fixture.transport.shutdown()
    }
}

extension TestClientProtocol {
    func post(_ path: String, _ body: String, headers: HTTPFields = [.contentType: "application/json"]) async throws -> TestResponse {
        try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func login(_ user: String, password: String = PortalFixture.password) async throws -> TestResponse {
        try await post("/api/v1/auth/login", #"{"userId":"\#(user)","password":"\#(password)"}"#)
    }

    func accessToken(_ user: String) async throws -> String {
        let response = try await login(user)
        #expect(response.status == .ok)
        return try #require(try response.object()["accessToken"]?.stringValue)
    }
}

extension TestResponse {
    func object() throws -> JSONObject {
        try #require(try StrictJSONParser().parse(Array(body.readableBytesView)).objectValue)
    }

    /// The `code` of a `{status:"error",code,message}` answer.
    func errorCode() throws -> String? {
        let object = try object()
        #expect(object["status"]?.stringValue == "error")
        #expect(object["message"]?.stringValue?.isEmpty == false)
        return object["code"]?.stringValue
    }

    /// Expects a `{status:"error",code,message}` answer with `status` and `code`.
    func expectError(_ status: HTTPResponse.Status, _ code: String) throws {
        #expect(self.status == status)
        #expect(try errorCode() == code)
    }

    /// The `type` of an RFC 8555 problem document.
    func problemType() throws -> String? {
        #expect(headers[.contentType] == "application/problem+json")
        return try object()["type"]?.stringValue
    }
}
