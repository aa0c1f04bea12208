import ACMECore
import Foundation
import HTTPClient
import HTTPServer
import Hummingbird
import HTTPTypes
import HummingbirdTLS
import PolicyAdministration
import ProviderPortal
import ServiceLifecycle
import StorageSQL
import TNAuthList

extension Sandbox {
    /// Provisions what is missing, then runs the STI-SCA (ACME, customer tokens, CRL) until shutdown;
    /// once it listens, writes `endpoints.json`, prints the next commands and calls `onReady`.
    func startSubordinateAuthority(
        directory: DataDirectory, state: SandboxState, urls: SandboxURLs, pki: SandboxPKI, storages: Storages,
        authorities: SandboxAuthorities, provisioning: SandboxProvisioning, paServices: PolicyAdministrationRouter.Services,
        tls: TLSConfiguration, onReady: @escaping @Sendable (SandboxEndpoints) async -> Void
    ) async throws {
        if !state.provisioned { try await provisioning.provisionPolicyAdministrator(paServices) }
        let (certificate, chainAbove) = try await provisioning.subordinateCACertificate(obtainIfMissing: !state.provisioned)
        let scope: TNScope
        do {
            scope = try SandboxDemo.providerScope()
        } catch {
            throw AppError(.provisioning, "the provider scope: \(error)")
        }
        let journal = try RevocationJournal(directory: directory, file: "sca/revocations.json")
        let sca = authorities.subordinateAuthority(storage: storages.sca, certificate: certificate, chainAbove: chainAbove, scope: scope, journal: journal)
        try await reconcile(storage: storages.sca, repository: authorities.repository, authority: .subordinateAuthority)
        let customers = try authorities.customerTokens(storage: storages.sca, scope: scope)
        var done = state
        if !state.provisioned {
            try await provisioning.provisionEnterprise(routes: customers.routes, administration: customers.administration)
            done.provisioned = true
        }
        let pbxPassword = state.pbxPassword ?? ""
        if state.pbxProvisioned != true {
            try await provisioning.provisionPBX(password: pbxPassword, routes: customers.routes, administration: customers.administration)
            done.pbxProvisioned = true
        }
        if done != state { try done.save(to: directory) }
        let transport: HTTPSClient
        do {
            transport = try HTTPSClient(configuration: .init(trustRoots: .only(pem: Array(try pki.tls.rootCertificatePEM.utf8))))
        } catch {
            throw AppError(.server, "the proxies' HTTPS client: \(error)")
        }
        let router = Router(context: BasicRequestContext.self)
        ACMERouter.addRoutes(to: router, service: sca)
        customers.routes.add(to: router)
        // The proxies' records live with the provider's STI-SCA data, so a restart keeps every PBX's
        // token holder, account and open orders (seed 002 §6.3, figures 9–10).
        let proxyRegistry = storages.sca.spcaProxyRegistry
        SPPAProxyRoutes(
            customers: customers.routes, proxy: SPPAProxy(registry: storages.sca.delegations), registry: proxyRegistry,
            uplink: ProviderUplink(
                policyAdministrator: urls.policyAdministrator, accountID: SandboxDemo.providerAccountID, userID: SandboxDemo.providerUser,
                password: state.providerPassword, transport: transport
            )
        ).add(to: router)
        SPCAProxyRoutes(
            baseURL: urls.providerProxyACME, upstreamBaseURL: urls.certificationAuthorityACME, transport: transport,
            registry: proxyRegistry, delegations: storages.sca.delegations
        ).add(to: router)
        let environment = self.environment
        let validity = configuration.lifetimes.crl
        router.get("crl/sca.crl") { _, _ -> Response in
            let crl = try await journal.crl(signer: certificate.certificate, key: certificate.privateKey, now: environment.now(), validity: validity)
            return Response(
                status: .ok, headers: [.contentType: "application/pkix-crl", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(crl.derRepresentation)))
            )
        }
        let endpoints = SandboxEndpoints(
            policyAdministrator: urls.policyAdministrator, certificationAuthorityDirectory: urls.certificationAuthorityACME + "/directory",
            subordinateAuthority: urls.subordinateAuthority, subordinateAuthorityDirectory: urls.subordinateAuthorityACME + "/directory",
            repository: urls.repository, tlsRootPath: directory.path(SandboxPKI.tlsRootFile),
            trustListURL: urls.policyAdministrator + "/api/v1/ca-list", trustListSignerPath: directory.path("pa/token-signer.pem"),
            crlSignerPath: directory.path("pa/crl-signer.pem"), policyAdministratorCRL: urls.policyAdministratorCRL,
            subordinateAuthorityCRL: urls.subordinateAuthorityCRL, adminSecret: state.adminSecret,
            provider: .init(
                accountID: SandboxDemo.providerAccountID, spc: SandboxDemo.spc, tnRangeStart: SandboxDemo.providerRange.start,
                tnRangeCount: SandboxDemo.providerRange.count, userID: SandboxDemo.providerUser, password: state.providerPassword
            ),
            enterprise: .init(
                customerID: SandboxDemo.enterpriseID, tnRangeStart: SandboxDemo.enterpriseRange.start, tnRangeCount: SandboxDemo.enterpriseRange.count,
                userID: SandboxDemo.enterpriseUser, password: state.enterprisePassword
            ),
            proxyDirectory: urls.providerProxyACME + "/directory", proxyTokenServer: urls.subordinateAuthority,
            pbx: .init(
                customerID: SandboxDemo.pbxID, tnRangeStart: SandboxDemo.pbxRange.start, tnRangeCount: SandboxDemo.pbxRange.count,
                userID: SandboxDemo.pbxUser, password: pbxPassword
            ),
            storage: storages.endpointsStorage
        )
        try directory.write(try endpoints.json(), to: SandboxEndpoints.fileName, secret: true)
        let (running, signal) = AsyncStream<Void>.makeStream()
        let app = try application(router, port: state.ports.subordinateAuthority, tls: tls) { signal.yield() }
        let dataPath = directory.root
        do {
            try await serveSubordinate(app: app, running: running, signal: signal, endpoints: endpoints, dataPath: dataPath, urls: urls, onReady: onReady)
        } catch {
            await transport.shutdown()
            throw error
        }
        await transport.shutdown()
    }

    private func serveSubordinate(
        app: any Service, running: AsyncStream<Void>, signal: AsyncStream<Void>.Continuation, endpoints: SandboxEndpoints, dataPath: String,
        urls: SandboxURLs, onReady: @escaping @Sendable (SandboxEndpoints) async -> Void
    ) async throws {
        let progress = self.progress
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { signal.finish() }
                try await app.run()
            }
            group.addTask {
                for await _ in running {
                    progress("STI-SCA \(urls.subordinateAuthority) listening")
                    for line in Self.nextSteps(endpoints, dataDirectory: dataPath) { progress(line) }
                    await onReady(endpoints)
                    break
                }
            }
            try await group.waitForAll()
        }
    }

    /// The lines printed once everything listens.
    static func nextSteps(_ endpoints: SandboxEndpoints, dataDirectory: String) -> [String] {
        let first = endpoints.enterprise.tnRangeStart
        return [
            "",
            "The sandbox is ready (endpoints: \(dataDirectory)/\(SandboxEndpoints.fileName)).",
            "  STI-PA   \(endpoints.policyAdministrator)   trust list \(endpoints.trustListURL)   CRL \(endpoints.policyAdministratorCRL)",
            "  STI-CA   \(endpoints.certificationAuthorityDirectory)",
            "  STI-SCA  \(endpoints.subordinateAuthorityDirectory)   CRL \(endpoints.subordinateAuthorityCRL)",
            "  STI-CR   \(endpoints.repository)/",
            "  SP-CA-proxy \(endpoints.proxyDirectory)   SP-PA-proxy \(endpoints.proxyTokenServer)/proxy/v1/customer/{id}/token",
            "  TLS root \(endpoints.tlsRootPath)",
            "",
            "Next, in another terminal:",
            "  swift run shaken acme delegate --sandbox \(dataDirectory) --out ./enterprise",
            "  swift run shaken passport sign --key ./enterprise/delegate.key --x5u \"$(cat ./enterprise/x5u.txt)\" --orig \(first) --dest 12025550199 --attest A",
            "  swift run shaken passport verify --identity \"<header printed above>\" --chain ./enterprise/delegate.chain.pem --trust ./enterprise/trust.pem \\",
            "      --crl ./enterprise/sti-pa.crl --crl ./enterprise/sti-sca.crl --crl-signer ./enterprise/crl-signer.pem --orig \(first) --dest 12025550199",
            "A TN-level certificate for the demo PBX through the provider's SP-PA-proxy and SP-CA-proxy:",
            "  swift run shaken acme certificate --kind tn --sandbox \(dataDirectory) --dir ./pbx",
            "  swift run shaken passport sign --key ./pbx/tn.key --x5u \"$(cat ./pbx/x5u.txt)\" --orig \(endpoints.pbx.tnRangeStart) --dest 12025550199 --attest A",
            "  swift run shaken passport verify --identity \"<header printed above>\" --chain ./pbx/tn.chain.pem --trust ./pbx/trust.pem \\",
            "      --crl ./pbx/sti-pa.crl --crl-signer ./pbx/crl-signer.pem --orig \(endpoints.pbx.tnRangeStart) --dest 12025550199",
            "Stop with Ctrl-C; `shaken sandbox --data \(dataDirectory)` resumes.",
        ]
    }
}
