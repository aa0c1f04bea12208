import ACMECore
@testable import App
import AuthorityToken
import CertificateRevocation
import Crypto
import SwiftASN1
import Foundation
import HTTPClient
import JOSE
import PASSporT
import STIRCertificates
import STIRServices
import TNAuthList
import Testing
import X509

/// TN-level certificates for the sandbox's demo PBX through the provider's SP-PA-proxy and
/// SP-CA-proxy into the STI-CA (seed 002 §6.2–§6.3, figures 9–11), over HTTPS on loopback.
@Suite("TN-level certificates through the provider's SP-PA-proxy and SP-CA-proxy", .serialized)
struct ProxyIssuanceTests {
    static func pbxList(_ endpoints: SandboxEndpoints) throws -> TNAuthorizationList {
        try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber(endpoints.pbx.tnRangeStart), count: endpoints.pbx.tnRangeCount))])
    }

    static func enterpriseList(_ endpoints: SandboxEndpoints) throws -> TNAuthorizationList {
        try TNAuthorizationList([
            .range(try TelephoneNumberRange(start: TelephoneNumber(endpoints.enterprise.tnRangeStart), count: endpoints.enterprise.tnRangeCount))
        ])
    }

    /// Runs `body` against a fresh sandbox with an HTTPS client trusting its root, then stops it.
    static func withSandbox(_ body: (SandboxHarness, HTTPSClient) async throws -> Void) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { sandbox.remove() }
        do {
            try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(sandbox.endpoints.tlsRootPath))) { transport in
                try await body(sandbox, transport)
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    /// Figure 9: the PBX logs in at the provider and gets the STI-PA's token through the SP-PA-proxy.
    static func proxiedToken(
        _ endpoints: SandboxEndpoints, transport: HTTPSClient, accountKey: JSONWebKey, list: TNAuthorizationList? = nil
    ) async throws -> String {
        let proxy = STIPAClient(baseURL: endpoints.proxyTokenServer, transport: transport)
        try await proxy.login(userID: endpoints.pbx.userID, password: endpoints.pbx.password)
        return try await proxy.requestProxiedToken(customerID: endpoints.pbx.customerID, accountKey: accountKey, tnAuthList: list).token
    }

    static func problem(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "accepted"
        } catch let error as HTTPClientError {
            return error.problem?.acmeErrorName ?? "\(error.code)"
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("A PBX gets a TN-list token via the SP-PA-proxy and a certificate via the SP-CA-proxy; it chains to the STI-CA intermediate, is on the STI-CR, and signs a PASSporT that verifies")
    func fullFlow() async throws {
        try await Self.withSandbox { sandbox, transport in
            let endpoints = sandbox.endpoints
            let list = try Self.pbxList(endpoints)
            let acme = ACMEClient(
                configuration: .init(directoryURL: endpoints.proxyDirectory, pollInterval: .milliseconds(100)), accountKey: P256.Signing.PrivateKey(),
                transport: transport
            )
            let directory = try await acme.directory()
            let caBase = endpoints.certificationAuthorityDirectory.replacingOccurrences(of: "/directory", with: "")
            let proxyBase = endpoints.proxyDirectory.replacingOccurrences(of: "/directory", with: "")
            #expect(directory.newAccount == proxyBase + "/new-account")
            #expect(directory.newOrder == proxyBase + "/new-order")
            #expect(directory.newNonce == caBase + "/new-nonce")

            // Figure 9: tkvalue is the PBX's numbers (not the SPC), signed by the STI-PA for the provider.
            let token = try await Self.proxiedToken(endpoints, transport: transport, accountKey: await acme.accountJWK)
            let claims = try UnverifiedAuthorityToken(compact: token).unverifiedClaims
            #expect(claims.atc.tnAuthList == list)
            #expect(claims.atc.fingerprint.matches(await acme.accountJWK))
            #expect(!claims.atc.isCA)
            #expect(claims.issuer == endpoints.policyAdministrator)

            // Figure 10: account and order through the proxy; authorizations at the STI-CA.
            let account = try await acme.register()
            #expect(account.url.hasPrefix(caBase + "/account/"))
            let order = try await acme.newOrder(for: list)
            #expect(order.url.hasPrefix(proxyBase + "/order/"))
            #expect(order.finalize.hasPrefix(proxyBase + "/order/"))
            #expect(order.authorizations.allSatisfy { $0.hasPrefix(caBase + "/authz/") })

            // Figure 11 and the rest of SHAKEN.
            let key = P256.Signing.PrivateKey()
            let issuance = try await acme.obtainCertificate(
                for: list, token: token, certificateKey: key, subject: try DistinguishedName.shaken(commonName: "Demo PBX", organization: "Demo PBX", country: "US")
            )
            #expect(issuance.order.certificate?.hasPrefix(caBase + "/cert/") == true)
            let chain = issuance.chain
            #expect(chain.count == 2)
            let leaf = try #require(chain.first)
            #expect(try leaf.extensions.tnAuthList == list)
            #expect(leaf.issuer == chain.last?.subject)

            let x5u = endpoints.repository + "/sti-ca-" + leaf.serialNumber.hexadecimal + ".pem"
            let published = try await transport.send(HTTPSRequest(url: x5u))
            #expect(published.status == 200)
            #expect(published.mediaType == "application/pem-certificate-chain")
            #expect(try PEMCertificateChain.parse(published.body) == chain)

            let out = sandbox.directory + "/pbx"
            let store = try ACMEKeyStore(directory: out)
            try await DelegateEnrollment(endpoints: endpoints, directory: out, makeKey: { P256.Signing.PrivateKey() })
                .fetchVerificationMaterial(store: store, transport: transport)
            let outcome = try await Self.verify(endpoints: endpoints, directory: out, key: key, x5u: x5u, orig: "12025550163")
            #expect(outcome.verstat == Verstat.passed, "\(outcome.failureReason ?? "")")
            let outside = try await Self.verify(endpoints: endpoints, directory: out, key: key, x5u: x5u, orig: "12025550110")
            #expect(outside.verstat != Verstat.passed)
        }
    }

    @Test("A sandbox created before the PBX existed registers it on its next start; after a restart the PBX obtains a certificate through the proxies again")
    func resumedSandboxGetsThePBX() async throws {
        let first = try await SandboxHarness.start()
        defer { first.remove() }
        await first.stop()
        // Rewrite sandbox.json as an older sandbox wrote it: no PBX password, no PBX provisioning flag.
        let statePath = first.directory + "/sandbox.json"
        var state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: statePath))) as? [String: Any])
        #expect(state["pbxPassword"] is String)
        state["pbxPassword"] = nil
        state["pbxProvisioned"] = nil
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: statePath))

        let second = try await SandboxHarness.start(directory: first.directory)
        do {
            let endpoints = second.endpoints
            #expect(!endpoints.pbx.password.isEmpty && endpoints.pbx.password != first.endpoints.pbx.password)
            #expect(second.progress.contains { $0.contains("PBX \(endpoints.pbx.customerID)") })
            try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
                let acme = ACMEClient(
                    configuration: .init(directoryURL: endpoints.proxyDirectory, pollInterval: .milliseconds(100)),
                    accountKey: P256.Signing.PrivateKey(), transport: transport
                )
                let list = try Self.pbxList(endpoints)
                let token = try await Self.proxiedToken(endpoints, transport: transport, accountKey: await acme.accountJWK)
                let issuance = try await acme.obtainCertificate(
                    for: list, token: token, certificateKey: P256.Signing.PrivateKey(),
                    subject: try DistinguishedName.shaken(commonName: "Demo PBX", organization: "Demo PBX", country: "US")
                )
                #expect(try issuance.chain.first?.extensions.tnAuthList == list)
            }
        } catch {
            await second.stop()
            throw error
        }
        await second.stop()
    }

    static func verify(endpoints: SandboxEndpoints, directory out: String, key: P256.Signing.PrivateKey, x5u: String, orig text: String) async throws -> VerificationOutcome {
        let port = try #require(URLComponents(string: endpoints.repository)?.port)
        let x5uPolicy = X5UPolicy(allowedPorts: [port])
        let fetcher = HTTPCertificateChainFetcher(
            configuration: .init(policy: x5uPolicy, allowedHosts: ["localhost"], trustRoots: try .pemFile(endpoints.tlsRootPath)),
            resolver: StaticHostResolver(["localhost": [try #require(IPAddress("127.0.0.1"))]]), now: { Date() }
        )
        let anchors = try PEMDocument.parseMultiple(pemString: try String(contentsOfFile: out + "/trust.pem", encoding: .utf8))
            .map { try Certificate(derEncoded: $0.derBytes) }
        let crl = try CertificateRevocationList(derEncoded: Array(try Data(contentsOf: URL(fileURLWithPath: out + "/sti-pa.crl"))))
        let crlSigner = try Certificate(pemEncoded: try String(contentsOfFile: endpoints.crlSignerPath, encoding: .utf8))
        let verification = VerificationService(
            chainVerifier: STIChainVerifier(
                configuration: STITrustConfiguration(trustAnchors: anchors, crlSigners: [crlSigner], crlSource: StaticCRLSource([crl]))
            ),
            fetcher: fetcher, policy: .init(x5uPolicy: x5uPolicy)
        )
        let now = Date()
        let signer = try AuthenticationService(privateKey: key, x5u: x5u, x5uPolicy: x5uPolicy, clock: { now })
        let orig = try TelephoneNumber(text)
        let dest = [try TelephoneNumber("12025550199")]
        let header = try signer.sign(orig: orig, dest: dest, attest: .full, origid: "6f1c2a4e-8b3d-4e5f-9a70-1c2d3e4f5a6b", iat: now)
        return await verification.verify(VerificationRequest(identityHeaders: [header], orig: orig, dest: dest, now: now))
    }
}
