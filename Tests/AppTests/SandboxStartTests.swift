import App
import Crypto
import Foundation
import HTTPClient
import STIRCertificates
import SwiftASN1
import Testing
import X509

@Suite("Sandbox start and resume", .serialized)
struct SandboxStartTests {
    @Test("The sandbox starts over HTTPS, provisions, and writes a complete endpoints.json")
    func startsAndWritesEndpoints() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { sandbox.remove() }
        do {
            let onDisk = try SandboxEndpoints.load(dataDirectory: sandbox.directory)
            #expect(onDisk == sandbox.endpoints)
            let endpoints = sandbox.endpoints
            for url in [endpoints.policyAdministrator, endpoints.certificationAuthorityDirectory, endpoints.subordinateAuthorityDirectory] {
                #expect(url.hasPrefix("https://127.0.0.1:"))
            }
            #expect(endpoints.repository.hasPrefix("https://localhost:"))
            for path in [endpoints.tlsRootPath, endpoints.trustListSignerPath, endpoints.crlSignerPath] {
                #expect(FileManager.default.fileExists(atPath: path))
            }
            // Generated credentials are letters and digits only: never read as an option (`-…`) on a command line.
            for secret in [endpoints.adminSecret, endpoints.provider.password, endpoints.enterprise.password, endpoints.pbx.password] {
                #expect(secret.count >= 24 && secret.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(secret)")
            }
            #expect(endpoints.enterprise.tnRangeCount == 10 && endpoints.provider.spc == "5678")
            #expect(sandbox.progress.contains { $0.contains("order, tkauth-01, finalize") })
            #expect(sandbox.progress.contains { $0.contains("shaken acme delegate") })

            try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
                let pa = STIPAClient(baseURL: endpoints.policyAdministrator, transport: transport)
                let signer = try Certificate(pemEncoded: String(decoding: try Data(contentsOf: URL(fileURLWithPath: endpoints.trustListSignerPath)), as: UTF8.self))
                let trustList = try await pa.fetchTrustList(signingKey: try #require(P256.Signing.PublicKey(signer.publicKey)))
                #expect(trustList.roots.count == 1)
                let scaChain = try String(decoding: Data(contentsOf: URL(fileURLWithPath: sandbox.directory + "/sca/ca.pem")), as: UTF8.self)
                let scaCertificate = try Certificate(derEncoded: try #require(try PEMDocument.parseMultiple(pemString: scaChain).first).derBytes)
                let constraints = try #require(try scaCertificate.extensions.basicConstraints)
                guard case .isCertificateAuthority = constraints else {
                    Issue.record("the STI-SCA certificate is not a CA certificate: \(constraints)")
                    throw AppError(.provisioning, "not a CA")
                }
                let paCRL = try await pa.downloadCRL(url: endpoints.policyAdministratorCRL)
                let scaCRL = try await pa.downloadCRL(url: endpoints.subordinateAuthorityCRL)
                #expect(paCRL.revokedCertificates.isEmpty && scaCRL.issuer == scaCertificate.subject)
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("A second sandbox on a directory in use refuses to start (inUse) and leaves the running one untouched")
    func directoryInUse() async throws {
        let first = try await SandboxHarness.start()
        defer { first.remove() }
        do {
            let second = Sandbox(
                configuration: SandboxConfiguration(dataDirectory: first.directory, passwordCostExponent: 10), environment: SandboxHarness.environment,
                progress: { _ in }
            )
            do {
                try await second.run(handlingSignals: false) { _ in }
                Issue.record("a second sandbox ran on a directory in use")
            } catch {
                #expect(error.code == .inUse)
                #expect(error.reason.contains("process \(ProcessInfo.processInfo.processIdentifier)"), "\(error.reason)")
            }
            let endpoints = try SandboxEndpoints.load(dataDirectory: first.directory)
            #expect(endpoints == first.endpoints)
            try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
                let response = try await transport.send(HTTPSRequest(url: endpoints.certificationAuthorityDirectory))
                #expect(response.status == 200)
            }
        } catch {
            await first.stop()
            throw error
        }
        await first.stop()
    }

    @Test("A restart on the same directory resumes with the same ports, accounts, keys and certificates")
    func restartResumes() async throws {
        let first = try await SandboxHarness.start()
        defer { first.remove() }
        let scaBefore = try Data(contentsOf: URL(fileURLWithPath: first.directory + "/sca/ca.pem"))
        let rootBefore = try Data(contentsOf: URL(fileURLWithPath: first.endpoints.tlsRootPath))
        let out = first.directory + "/enterprise"
        let obtained = try await DelegateEnrollment(endpoints: first.endpoints, directory: out, makeKey: { P256.Signing.PrivateKey() }).run()
        await first.stop()
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first.directory + "/sandbox.json"))) as? [String: Any]
        #expect(state?["host"] as? String == "127.0.0.1")

        let second = try await SandboxHarness.start(directory: first.directory)
        do {
            #expect(second.endpoints == first.endpoints)
            #expect(second.progress.first?.hasPrefix("Resuming") == true)
            #expect(!second.progress.contains { $0.contains("order, tkauth-01, finalize") })
            #expect(try Data(contentsOf: URL(fileURLWithPath: first.directory + "/sca/ca.pem")) == scaBefore)
            #expect(try Data(contentsOf: URL(fileURLWithPath: second.endpoints.tlsRootPath)) == rootBefore)
            let published = try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(second.endpoints.tlsRootPath))) { transport in
                try await transport.send(HTTPSRequest(url: obtained.x5u))
            }
            #expect(published.status == 200)
            let again = try await DelegateEnrollment(endpoints: second.endpoints, directory: out, makeKey: { P256.Signing.PrivateKey() }).run()
            #expect(again.chain.dropFirst().first == obtained.chain.dropFirst().first)
        } catch {
            await second.stop()
            throw error
        }
        await second.stop()
    }

    @Test("A data directory whose STI-PA CRL signer is self-signed gets it certified under the STI-CA root, same key and name")
    func selfSignedCRLSignerIsCertifiedAgain() async throws {
        let first = try await SandboxHarness.start()
        defer { first.remove() }
        await first.stop()
        let signerPath = first.directory + "/pa/crl-signer"
        let key = try P256.Signing.PrivateKey(pemRepresentation: try String(contentsOfFile: signerPath + ".key", encoding: .utf8))
        let issued = try Certificate(pemEncoded: try String(contentsOfFile: signerPath + ".pem", encoding: .utf8))
        let now = Date()
        var generator = SystemRandomNumberGenerator()
        let selfSigned = try STICertificateBuilder.issueCRLSigner(
            subject: issued.subject, privateKey: Certificate.PrivateKey(key), notValidBefore: now - 60, notValidAfter: now + 86_400, using: &generator
        )
        try Data(try selfSigned.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: signerPath + ".pem"))

        let second = try await SandboxHarness.start(directory: first.directory)
        await second.stop()
        let root = try Certificate(pemEncoded: try String(contentsOfFile: first.directory + "/ca/root.pem", encoding: .utf8))
        let after = try Certificate(pemEncoded: try String(contentsOfFile: signerPath + ".pem", encoding: .utf8))
        #expect(after.issuer == root.subject)
        #expect(root.publicKey.isValidSignature(after.signature, for: after))
        #expect(after.subject == issued.subject)
        #expect(after.publicKey == Certificate.PublicKey(key.publicKey))
    }
}
