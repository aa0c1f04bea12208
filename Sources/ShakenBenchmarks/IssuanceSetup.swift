import ACMECore
import AuthorityToken
import Crypto
import Foundation
import JOSE
import STIRCertificates
import StorageSQL
import TNAuthList
import X509

/// An STI-CA ACME service (RFC 8555, RFC 9447, RFC 9448; ATIS-1000080 §6.3.5) over the real SQL stores
/// on a durable SQLite file (WAL, `synchronous=FULL`) in a temporary directory, and a token authority
/// (an STI-PA token signer under its own anchor) the CA trusts.
struct IssuanceSetup: Sendable {
    static let baseURL = "https://sti-ca.bench.example/acme"
    static let tokenX5U = "https://sti-pa.bench.example/token-signer.pem"
    static let tokenIssuer = "https://sti-pa.bench.example"

    let pki: BenchmarkPKI
    let directory: URL
    let storage: SQLStorage
    let service: ACMEService
    let verifier: ACMERequestVerifier
    let tokenSigner: AuthorityTokenSigner

    /// A service whose URLs start with `baseURL` (the HTTPS measurement puts its loopback port there).
    init(pki: BenchmarkPKI, baseURL: String = IssuanceSetup.baseURL, name: String = "service") async throws {
        self.pki = pki
        let now = pki.referenceTime
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-bench-issuance-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        storage = try await SQLStorage.open(.sqlite(dataDirectory: directory.path))
        guard let durability = try await storage.sqliteDurability() else {
            throw BenchmarkError.failed("the issuance store is not SQLite")
        }
        guard durability.journalMode.lowercased() == "wal", durability.synchronous == 2 else {
            throw BenchmarkError.failed("the issuance store is not WAL + synchronous=FULL: \(durability)")
        }

        let anchorKey = P256.Signing.PrivateKey()
        let signerKey = P256.Signing.PrivateKey()
        let anchorName = try DistinguishedName { CommonName("Bench Token Authority Root") }
        let signerName = try DistinguishedName { CommonName("Bench Token Authority") }
        let anchor = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(anchorKey.publicKey),
            notValidBefore: now - 365 * 86_400, notValidAfter: now + 3_650 * 86_400,
            issuer: anchorName, subject: anchorName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                KeyUsage(keyCertSign: true, cRLSign: true)
            },
            issuerPrivateKey: .init(anchorKey)
        )
        let signerCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(signerKey.publicKey),
            notValidBefore: now - 30 * 86_400, notValidAfter: now + 365 * 86_400,
            issuer: anchorName, subject: signerName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                KeyUsage(digitalSignature: true)
            },
            issuerPrivateKey: .init(anchorKey)
        )
        tokenSigner = try AuthorityTokenSigner(privateKey: signerKey, x5u: Self.tokenX5U)

        let environment = ACMEEnvironment(now: { now }, random: { UInt64.random(in: .min ... .max) })
        let ledger = storage.certificateLedger
        let issuer = ACMEIssuer(
            certificate: pki.intermediate, privateKey: Certificate.PrivateKey(pki.intermediateKey), chainAboveIssuer: [],
            crlDistributionPointURL: BenchmarkPKI.crlURL, crlIssuer: pki.crlSigner.subject, ledger: ledger, environment: environment
        )
        service = ACMEService(
            linker: ACMELinker(baseURL: baseURL), configuration: .init(tokenAuthority: Self.tokenIssuer),
            policy: IssuancePolicy(mode: .stiCA, endEntityLifetime: 365 * 86_400, caLifetime: 730 * 86_400),
            accounts: storage.acmeAccounts, orders: storage.orders, nonces: storage.nonces, ledger: ledger,
            validator: TKAuthValidator(
                trustAnchors: [anchor], source: FixedTokenAuthorityCertificates(x5u: Self.tokenX5U, chain: [signerCertificate]),
                replay: storage.tokenReplays
            ),
            issuer: issuer, environment: environment
        )
        verifier = service.requestVerifier()
    }

    /// Closes the store and removes the temporary directory.
    func close() async {
        await storage.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// The token authority's certificate at its one `x5u` URL (RFC 9447 §3; ATIS-1000080 §6.3.5.1).
struct FixedTokenAuthorityCertificates: TokenAuthorityCertificateSource {
    let x5u: String
    let chain: [Certificate]

    func certificates(at url: String) async throws -> [Certificate] {
        guard url == x5u else { throw BenchmarkError.failed("no token authority certificate at \(url)") }
        return chain
    }
}
