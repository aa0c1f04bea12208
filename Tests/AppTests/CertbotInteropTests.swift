import App
import CertificateRevocation
import Crypto
import Foundation
import HTTPClient
import JOSE
import STIRCertificates
import SwiftASN1
import TNAuthList
import Testing
import X509

/// An independent ACME client, certbot's Python `acme` package with the glue in
/// `Python/certbot_delegate.py`, obtains a delegate certificate from a running sandbox's STI-SCA
/// (RFC 8555, RFC 9447 `tkauth-01`, RFC 9448 TNAuthList identifier; ATIS-1000080 §6.3.5).
@Suite("certbot's acme package against the sandbox's STI-SCA", .serialized, .enabled(if: PythonACMEScript.isAvailableOrRequired))
struct CertbotInteropTests {
    /// What the Swift side prepares for one run of the Python client.
    struct Enrollment {
        let directory: String
        let accountKeyPath: String
        let list: TNAuthorizationList
        let token: String
    }

    static func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Writes the Python client's account key, gets a customer token from the STI-SCA bound to
    /// `tokenKey` (default: that account key) and fetches the trust list and CRLs into the folder.
    static func prepare(_ sandbox: SandboxHarness, tokenKey: P256.Signing.PublicKey? = nil) async throws -> Enrollment {
        let endpoints = sandbox.endpoints
        let directory = sandbox.directory + "/certbot"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let accountKey = P256.Signing.PrivateKey()
        let accountKeyPath = directory + "/account.key"
        try write(Data(accountKey.pemRepresentation.utf8), to: accountKeyPath)
        let list = try TNAuthorizationList([
            .range(try TelephoneNumberRange(start: TelephoneNumber(endpoints.enterprise.tnRangeStart), count: endpoints.enterprise.tnRangeCount))
        ])
        let token = try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
            let sca = STIPAClient(baseURL: endpoints.subordinateAuthority, transport: transport)
            try await sca.login(userID: endpoints.enterprise.userID, password: endpoints.enterprise.password)
            let token = try await sca.requestSPCToken(
                accountID: endpoints.enterprise.customerID, tnAuthList: list, accountKey: JSONWebKey(publicKey: tokenKey ?? accountKey.publicKey)
            )
            let enrollment = DelegateEnrollment(endpoints: endpoints, directory: directory, makeKey: { P256.Signing.PrivateKey() })
            try await enrollment.fetchVerificationMaterial(store: try ACMEKeyStore(directory: directory), transport: transport)
            return token.token
        }
        return Enrollment(directory: directory, accountKeyPath: accountKeyPath, list: list, token: token)
    }

    /// Runs the Python client for `enrollment`; the chain goes to `certbot.chain.pem`, the key to `certbot.key`.
    static func runPython(_ sandbox: SandboxHarness, _ enrollment: Enrollment) async throws -> PythonACMEScript.Output {
        try await PythonACMEScript.run(
            "python3",
            [
                PythonACMEScript.scriptPath, sandbox.endpoints.subordinateAuthorityDirectory, enrollment.accountKeyPath,
                try enrollment.list.base64EncodedString(), enrollment.token, "certbot.chain.pem", "certbot.key",
            ],
            in: enrollment.directory, environment: ["SHAKEN_TLS_ROOT": sandbox.endpoints.tlsRootPath]
        )
    }

    static func withSandbox(_ body: (SandboxHarness) async throws -> Void) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { sandbox.remove() }
        do {
            try await body(sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("certbot's acme obtains a delegate certificate over tkauth-01 that STIChainVerifier and openssl verify -crl_check accept")
    func certbotObtainsDelegateCertificate() async throws {
        try await Self.withSandbox { sandbox in
            let enrollment = try await Self.prepare(sandbox)
            let output = try await Self.runPython(sandbox, enrollment)
            try #require(output.status == 0, "\(output.combined)")
            #expect(output.stdout.contains("/acme/cert/"), "\(output.combined)")

            let directory = enrollment.directory
            let chain = try PEMDocument.parseMultiple(pemString: String(decoding: try Self.read(directory + "/certbot.chain.pem"), as: UTF8.self))
                .map { try Certificate(derEncoded: $0.derBytes) }
            #expect(chain.count == 3)
            let leaf = try #require(chain.first)
            #expect(try leaf.extensions.tnAuthList == enrollment.list)
            let key = try P256.Signing.PrivateKey(pemRepresentation: String(decoding: try Self.read(directory + "/certbot.key"), as: UTF8.self))
            #expect(leaf.publicKey == Certificate.PublicKey(key.publicKey))

            let anchors = try PEMDocument.parseMultiple(pemString: String(decoding: try Self.read(directory + "/trust.pem"), as: UTF8.self))
                .map { try Certificate(derEncoded: $0.derBytes) }
            let crls = try ["sti-pa.crl", "sti-sca.crl"].map { try CertificateRevocationList(derEncoded: Array(try Self.read(directory + "/" + $0))) }
            let crlSigner = try Certificate(pemEncoded: String(decoding: try Self.read(sandbox.endpoints.crlSignerPath), as: UTF8.self))
            let verifier = STIChainVerifier(
                configuration: STITrustConfiguration(trustAnchors: anchors, crlSigners: [crlSigner], crlSource: StaticCRLSource(crls))
            )
            let result = await verifier.verify(leaf: leaf, intermediates: Array(chain.dropFirst()), at: Date())
            #expect(result.validatedChain != nil, "\(result.failures)")

            // -crl_check (the leaf against the STI-SCA's direct CRL). -crl_check_all would also need
            // a CRL from the STI-CA root for the STI-PA signer's own status, which a v005 root
            // (keyCertSign only) cannot sign (docs/conformance.md, "OpenSSL interop note").
            guard PythonACMEScript.executable("openssl") != nil || PythonACMEScript.isCI else { return }
            try Self.write(Data(try leaf.serializeAsPEM().pemString.utf8), to: directory + "/leaf.pem")
            let intermediates = try chain.dropFirst().map { try $0.serializeAsPEM().pemString }.joined(separator: "\n")
            try Self.write(Data(intermediates.utf8), to: directory + "/untrusted.pem")
            let scaCRL = try #require(crls.last)
            try Self.write(Data(try scaCRL.serializeAsPEM().pemString.utf8), to: directory + "/sti-sca.crl.pem")
            let openssl = try await PythonACMEScript.run(
                "openssl",
                ["verify", "-crl_check", "-CAfile", "trust.pem", "-untrusted", "untrusted.pem", "-CRLfile", "sti-sca.crl.pem", "leaf.pem"],
                in: directory
            )
            #expect(openssl.status == 0, "\(openssl.combined)")
            #expect(openssl.stdout.contains("leaf.pem: OK"), "\(openssl.combined)")
        }
    }

    @Test("The STI-SCA refuses certbot's tkauth-01 answer when the customer token is bound to another account key")
    func tokenForAnotherKeyRefused() async throws {
        try await Self.withSandbox { sandbox in
            let enrollment = try await Self.prepare(sandbox, tokenKey: P256.Signing.PrivateKey().publicKey)
            let output = try await Self.runPython(sandbox, enrollment)
            #expect(output.status != 0, "\(output.combined)")
            #expect(output.stderr.contains("urn:ietf:params:acme:error:unauthorized"), "\(output.combined)")
            #expect(!FileManager.default.fileExists(atPath: enrollment.directory + "/certbot.chain.pem"))
        }
    }
}
