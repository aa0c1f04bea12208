import ACMECore
import CertificateRevocation
import Crypto
import Foundation
import HTTPClient
import TNAuthList
import X509
import STIRCertificates

/// The short path of `shaken acme delegate` (issue items 7 and 9): as the sandbox's demo enterprise,
/// log in at the STI-SCA, get a customer token for a TNAuthList, obtain a delegate certificate over
/// ACME from the STI-SCA, and gather in one folder what signing and verifying need: the key, the
/// chain, its STI-CR `x5u`, the trust anchors from the STI-PA trust list, both CRLs and the CRL signer.
public struct DelegateEnrollment: Sendable {
    /// What was obtained.
    public struct Result: Sendable {
        /// The chain, delegate certificate first.
        public let chain: [Certificate]
        /// The stable STI-CR URL of the chain (the PASSporT `x5u`).
        public let x5u: String
        /// The folder holding `delegate.key`, `delegate.chain.pem`, `x5u.txt`, `trust.pem`, `sti-pa.crl`,
        /// `sti-sca.crl` and `crl-signer.pem`.
        public let directory: String
    }

    /// The sandbox's endpoints.
    public let endpoints: SandboxEndpoints
    /// The folder to keep keys and certificates in (an ACME key directory).
    public let directory: String
    /// Key generation.
    public let makeKey: @Sendable () -> P256.Signing.PrivateKey

    /// Creates the enrollment.
    public init(endpoints: SandboxEndpoints, directory: String, makeKey: @escaping @Sendable () -> P256.Signing.PrivateKey) {
        self.endpoints = endpoints
        self.directory = directory
        self.makeKey = makeKey
    }

    /// The demo enterprise's whole delegated range.
    public func defaultTNAuthList() throws -> TNAuthorizationList {
        try TNAuthorizationList([
            .range(try TelephoneNumberRange(start: TelephoneNumber(endpoints.enterprise.tnRangeStart), count: endpoints.enterprise.tnRangeCount))
        ])
    }

    /// Obtains a delegate certificate for `list` (default: the whole delegated range).
    ///
    /// - Throws: `HTTPClientError` from the STI-SCA (a refused token or order carries the ACME problem) or the files.
    public func run(list: TNAuthorizationList? = nil, commonName: String = "Demo Enterprise") async throws -> Result {
        let list = try list ?? defaultTNAuthList()
        let store = try ACMEKeyStore(directory: directory)
        let transport = try HTTPSClient(configuration: .init(trustRoots: try .pemFile(endpoints.tlsRootPath)))
        do {
            let result = try await obtain(list: list, commonName: commonName, store: store, transport: transport)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    private func obtain(list: TNAuthorizationList, commonName: String, store: ACMEKeyStore, transport: HTTPSClient) async throws -> Result {
        let acme = ACMEClient(
            configuration: .init(directoryURL: endpoints.subordinateAuthorityDirectory, pollInterval: .milliseconds(100)),
            accountKey: try store.loadOrCreateAccountKey(makeKey), accountURL: try store.accountURL(), transport: transport
        )
        let account = try await acme.register()
        try store.saveAccountURL(account.url)
        let sca = STIPAClient(baseURL: endpoints.subordinateAuthority, transport: transport)
        try await sca.login(userID: endpoints.enterprise.userID, password: endpoints.enterprise.password)
        let token = try await sca.requestSPCToken(accountID: endpoints.enterprise.customerID, tnAuthList: list, accountKey: await acme.accountJWK)
        try? await sca.logout()
        let key = makeKey()
        let subject = try DistinguishedName.shaken(commonName: commonName, organization: commonName, country: "US")
        let issuance = try await acme.obtainCertificate(for: list, token: token.token, certificateKey: key, subject: subject)
        try store.saveCertificateKey(key, named: "delegate")
        try store.saveChain(issuance.chain, named: "delegate")
        guard let leaf = issuance.chain.first else { throw AppError(.provisioning, "the STI-SCA returned an empty chain") }
        let x5u = endpoints.repository + "/" + PublishingCertificateLedger.name(prefix: "sti-sca", serial: CertificateSerial(leaf.serialNumber)) + ".pem"
        try write(x5u + "\n", to: store.path("x5u.txt"))
        try await fetchVerificationMaterial(store: store, transport: transport)
        return Result(chain: issuance.chain, x5u: x5u, directory: directory)
    }

    /// Writes `trust.pem` (the STI-PA trust list, verified), `sti-pa.crl`, `sti-sca.crl` and `crl-signer.pem`.
    public func fetchVerificationMaterial(store: ACMEKeyStore, transport: HTTPSClient) async throws {
        guard let signerData = FileManager.default.contents(atPath: endpoints.trustListSignerPath) else {
            throw AppError(.corruptState, "cannot read the trust list signer \(endpoints.trustListSignerPath)")
        }
        let signer = try Certificate(pemEncoded: String(decoding: signerData, as: UTF8.self))
        guard let signingKey = P256.Signing.PublicKey(signer.publicKey) else {
            throw AppError(.keyMaterial, "the trust list signer key is not P-256")
        }
        let pa = STIPAClient(baseURL: endpoints.policyAdministrator, transport: transport)
        let trustList = try await pa.fetchTrustList(signingKey: signingKey)
        try write(try DataDirectory.pem(trustList.roots), to: store.path("trust.pem"))
        let paCRL = try await pa.downloadCRL(url: endpoints.policyAdministratorCRL)
        let scaCRL = try await pa.downloadCRL(url: endpoints.subordinateAuthorityCRL)
        try write(Data(paCRL.derRepresentation), to: store.path("sti-pa.crl"))
        try write(Data(scaCRL.derRepresentation), to: store.path("sti-sca.crl"))
        guard let crlSigner = FileManager.default.contents(atPath: endpoints.crlSignerPath) else {
            throw AppError(.corruptState, "cannot read the CRL signer \(endpoints.crlSignerPath)")
        }
        try write(crlSigner, to: store.path("crl-signer.pem"))
    }

    private func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AppError(.dataDirectory, "cannot write \(path): \(error)")
        }
    }
}
