import ACMECore
import App
import Crypto
import Foundation
import HTTPClient
import STIRCertificates
import TNAuthList
import Testing
import X509

/// The provider's proxy records (seed 002 §6.3, figures 9–10) across a sandbox restart (issue 3
/// item 9, "a restart keeps everything"): a PBX keeps its account key, account URL, tokens and open
/// order, and goes on through the SP-CA-proxy as if nothing had happened.
@Suite("The SP-CA-proxy's records survive a sandbox restart", .serialized)
struct ProxyRestartTests {
    /// What the PBX holds when the sandbox stops.
    struct PBXState: Sendable {
        let accountURL: String
        let openOrderURL: String
        let tokens: [String]
    }

    static func subject() throws -> DistinguishedName {
        try DistinguishedName.shaken(commonName: "Demo PBX", organization: "Demo PBX", country: "US")
    }

    static func client(_ endpoints: SandboxEndpoints, key: P256.Signing.PrivateKey, accountURL: String? = nil, transport: HTTPSClient) -> ACMEClient {
        ACMEClient(
            configuration: .init(directoryURL: endpoints.proxyDirectory, pollInterval: .milliseconds(100)), accountKey: key,
            accountURL: accountURL, transport: transport
        )
    }

    /// Before the restart: two tokens through the SP-PA-proxy, the account and an order through the SP-CA-proxy.
    static func prepare(_ sandbox: SandboxHarness, key: P256.Signing.PrivateKey) async throws -> PBXState {
        let endpoints = sandbox.endpoints
        return try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
            let acme = client(endpoints, key: key, transport: transport)
            var tokens: [String] = []
            for _ in 0..<2 {
                tokens.append(try await ProxyIssuanceTests.proxiedToken(endpoints, transport: transport, accountKey: await acme.accountJWK))
            }
            let account = try await acme.register()
            let order = try await acme.newOrder(for: try ProxyIssuanceTests.pbxList(endpoints))
            #expect(order.url.hasPrefix(endpoints.proxyDirectory.replacingOccurrences(of: "/directory", with: "/order/")))
            return PBXState(accountURL: account.url, openOrderURL: order.url, tokens: tokens)
        }
    }

    @Test("A PBX that got its tokens, account and an order through the proxies before a restart finalizes that order, places and finalizes a new one through the SP-CA-proxy, and downloads its TN-level certificates after it")
    func proxyRecordsSurviveRestart() async throws {
        let key = P256.Signing.PrivateKey()
        let first = try await SandboxHarness.start()
        defer { first.remove() }
        let pbx = try await first.stopping { _ in
            try await Self.prepare(first, key: key)
        }

        let second = try await SandboxHarness.start(directory: first.directory)
        try await second.stopping { _ in
            let endpoints = second.endpoints
            #expect(endpoints.proxyDirectory == first.endpoints.proxyDirectory, "the restart resumes the proxy's URL")
            try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
                let acme = Self.client(endpoints, key: key, accountURL: pbx.accountURL, transport: transport)
                let list = try ProxyIssuanceTests.pbxList(endpoints)

                // The order placed before the restart: polled and finalized through the proxy (its order and account records).
                let open = try await acme.order(at: pbx.openOrderURL)
                for url in open.authorizations {
                    let authorization = try await acme.authorization(at: url)
                    if authorization.status == "valid" { continue }
                    let challenge = try #require(authorization.tkauthChallenge)
                    _ = try await acme.respond(to: challenge, token: pbx.tokens[0])
                    _ = try await acme.waitUntilValid(authorization: url)
                }
                let csr = try CertificateSigningRequest.stiRequest(
                    subject: try Self.subject(), privateKey: Certificate.PrivateKey(P256.Signing.PrivateKey()), tnAuthList: list
                )
                let finished = try await acme.finalize(try await acme.order(at: pbx.openOrderURL), csr: csr)
                let certificateURL = try #require(finished.certificate)
                let chain = try await acme.downloadChain(at: certificateURL)
                #expect(try chain.first?.extensions.tnAuthList == list)
                #expect(chain.count == 2 && chain.first?.issuer == chain.last?.subject)

                // A new order after the restart, through the proxy with the account made before it.
                let issuance = try await acme.obtainCertificate(for: list, token: pbx.tokens[1], certificateKey: P256.Signing.PrivateKey(), subject: try Self.subject())
                #expect(issuance.order.url.hasPrefix(endpoints.proxyDirectory.replacingOccurrences(of: "/directory", with: "/order/")))
                #expect(try issuance.chain.first?.extensions.tnAuthList == list)
                #expect(issuance.chain.first?.serialNumber != chain.first?.serialNumber)

                // The key that got its tokens before the restart is still admitted at the proxy's new-account.
                let found = try await acme.register(onlyReturnExisting: true)
                #expect(found.url == pbx.accountURL)
            }
        }
    }
}
