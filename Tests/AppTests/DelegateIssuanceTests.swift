import ACMECore
import App
import CertificateRevocation
import Crypto
import Foundation
import HTTPClient
import PASSporT
import STIRCertificates
import STIRServices
import SwiftASN1
import TNAuthList
import Testing
import X509

@Suite("Delegate certificates from the sandbox's STI-SCA", .serialized)
struct DelegateIssuanceTests {
    @Test("A delegate certificate obtained over ACME signs a PASSporT that verifies with the STI-CR chain, the PA trust list and both CRLs")
    func delegatePASSporTVerifies() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { sandbox.remove() }
        do {
            let endpoints = sandbox.endpoints
            let out = sandbox.directory + "/enterprise"
            let result = try await DelegateEnrollment(endpoints: endpoints, directory: out, makeKey: { P256.Signing.PrivateKey() }).run()
            #expect(result.chain.count == 3)
            let leaf = try #require(result.chain.first)
            #expect(try leaf.extensions.tnAuthList == (try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber("12025550110"), count: 10))])))

            let port = try #require(URLComponents(string: endpoints.repository)?.port)
            let x5uPolicy = X5UPolicy(allowedPorts: [port])
            let fetcher = HTTPCertificateChainFetcher(
                configuration: .init(policy: x5uPolicy, allowedHosts: ["localhost"], trustRoots: try .pemFile(endpoints.tlsRootPath)),
                resolver: StaticHostResolver(["localhost": [try #require(IPAddress("127.0.0.1"))]]), now: { Date() }
            )
            let anchors = try PEMDocument.parseMultiple(pemString: String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/trust.pem")), as: UTF8.self))
                .map { try Certificate(derEncoded: $0.derBytes) }
            let crls = try ["sti-pa.crl", "sti-sca.crl"].map { try CertificateRevocationList(derEncoded: Array(try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)))) }
            let crlSigner = try Certificate(pemEncoded: String(decoding: try Data(contentsOf: URL(fileURLWithPath: endpoints.crlSignerPath)), as: UTF8.self))
            let verification = VerificationService(
                chainVerifier: STIChainVerifier(
                    configuration: STITrustConfiguration(trustAnchors: anchors, crlSigners: [crlSigner], crlSource: StaticCRLSource(crls))
                ),
                fetcher: fetcher, policy: .init(x5uPolicy: x5uPolicy)
            )
            let key = try P256.Signing.PrivateKey(pemRepresentation: String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/delegate.key")), as: UTF8.self))
            let now = Date()
            let signer = try AuthenticationService(privateKey: key, x5u: result.x5u, x5uPolicy: x5uPolicy, clock: { now })
            let orig = try TelephoneNumber("12025550112")
            let dest = [try TelephoneNumber("12025550199")]
            let header = try signer.sign(orig: orig, dest: dest, attest: .full, origid: "0b1c7d4e-6a35-4a51-9a70-6c0f4a7b9e21", iat: now)
            let outcome = await verification.verify(VerificationRequest(identityHeaders: [header], orig: orig, dest: dest, now: now))
            #expect(outcome.verstat == Verstat.passed, "\(outcome.failureReason ?? "")")

            let outside = try TelephoneNumber("12025550150")
            let stranger = try signer.sign(orig: outside, dest: dest, attest: .full, origid: "0b1c7d4e-6a35-4a51-9a70-6c0f4a7b9e22", iat: now)
            let refused = await verification.verify(VerificationRequest(identityHeaders: [stranger], orig: outside, dest: dest, now: now))
            #expect(refused.verstat != Verstat.passed)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("The STI-SCA refuses numbers outside what it holds (rejectedIdentifier) and tokens outside the delegation")
    func outsideNumbersRefused() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { sandbox.remove() }
        do {
            let endpoints = sandbox.endpoints
            try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
                let acme = ACMEClient(
                    configuration: .init(directoryURL: endpoints.subordinateAuthorityDirectory), accountKey: P256.Signing.PrivateKey(), transport: transport
                )
                try await acme.register()
                let foreign = try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber("13035550100"), count: 10))])
                do {
                    _ = try await acme.newOrder(for: foreign)
                    Issue.record("the STI-SCA accepted an order outside its numbers")
                } catch {
                    #expect((error as? HTTPClientError)?.problem?.acmeErrorName == "rejectedIdentifier", "\(error)")
                }

                let sca = STIPAClient(baseURL: endpoints.subordinateAuthority, transport: transport)
                try await sca.login(userID: endpoints.enterprise.userID, password: endpoints.enterprise.password)
                let undelegated = try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber("12025550150"), count: 5))])
                do {
                    _ = try await sca.requestSPCToken(accountID: endpoints.enterprise.customerID, tnAuthList: undelegated, accountKey: await acme.accountJWK)
                    Issue.record("the STI-SCA signed a token outside the delegation")
                } catch {
                    #expect((error as? HTTPClientError)?.code == .paRequestFailed, "\(error)")
                }
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}
