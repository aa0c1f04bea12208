import App
import ArgumentParser
import Crypto
import Foundation
import HTTPClient
import STIRCertificates
import TNAuthList
import X509

/// `shaken acme certificate --kind sp|sca|delegate|tn`: an SPC or customer token from the STI-PA or the
/// STI-SCA, then an ACME order answered with it (RFC 8555 §7.4; RFC 9447, RFC 9448; ATIS-1000080 §6.3.5,
/// ATIS-1000092 §5.3). With `--sandbox DIR`, servers and credentials come from its endpoints.json.
///
/// `--kind tn` goes through the provider's proxies by default (seed 002 §6.2–§6.3, figures 9–11): the
/// token from the SP-PA-proxy (`--token-server` its base URL, `--account-id` the PBX customer ID), the
/// account, order and finalize through the SP-CA-proxy (`--server` its directory); with the sandbox,
/// the demo PBX and its delegated range are the defaults. `--via direct` keeps the direct path for an
/// SP account at the STI-PA that holds the TNs itself.
struct AcmeCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "certificate", abstract: "Obtain an STI certificate over ACME.")

    /// What is asked for.
    enum Kind: String, ExpressibleByArgument, CaseIterable, Codable {
        case sp, sca, delegate, tn
    }

    /// How a TN-level certificate is obtained.
    enum Via: String, ExpressibleByArgument, CaseIterable, Codable {
        /// Through the provider's SP-PA-proxy and SP-CA-proxy, as its PBX customer (seed 002 §6.3).
        case proxy
        /// Directly at the STI-PA and STI-CA, as an SP account holding the TNs.
        case direct
    }

    /// Where the token comes from.
    enum TokenSource: String, ExpressibleByArgument, CaseIterable, Codable {
        case pa, sca
    }

    @Option(name: .long, help: "sp (SPC end entity), sca (STI-SCA CA), delegate (from an STI-SCA), tn (TN-level from the STI-CA).")
    var kind: Kind
    @Option(name: .long, help: "A sandbox data directory supplying servers, TLS root and credentials.")
    var sandbox: String?
    @Option(name: .long, help: "The ACME directory URL (default with --sandbox: STI-SCA for delegate, else STI-CA).")
    var server: String?
    @Option(name: .long, help: "The TLS root to trust, PEM.")
    var trust: String?
    @Option(name: .long, help: "The key directory.")
    var dir: String
    @Option(name: .long, help: "For --kind tn: proxy (default: as a PBX through the provider's SP-PA/SP-CA proxies) or direct.")
    var via: Via?
    @Option(name: .long, help: "The token authority: pa or sca (default: sca for delegate, else pa).")
    var tokenFrom: TokenSource?
    @Option(name: .long, help: "The token authority base URL.")
    var tokenServer: String?
    @Option(name: .long, help: "The account (or customer) ID at the token authority.")
    var accountId: String?
    @Option(name: .long, help: "The login user at the token authority.")
    var user: String?
    @Option(name: .long, help: "The login password.")
    var password: String?
    @OptionGroup var entries: TNAuthListOptions
    @Option(name: .long, help: "The subject common name (default: 'SHAKEN <spc>' for an SPC certificate, ATIS-1000080 §6.4.1).")
    var commonName: String?
    @Option(name: .long, help: "The name of the key and chain files in the key directory (default: the kind).")
    var name: String?
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let endpoints = try sandbox.map { try SandboxEndpoints.load(dataDirectory: $0) }
        if kind == .tn, (via ?? .proxy) == .proxy {
            try await runThroughProxies(endpoints)
            return
        }
        guard via == nil || kind == .tn else { throw ShakenCLIError(.invalidArgument, "--via applies to --kind tn only") }
        guard let list = try entries.list() else {
            throw ShakenCLIError(.invalidArgument, "give the TNAuthList with --spc, --tn or --range")
        }
        let source = tokenFrom ?? (kind == .delegate ? .sca : .pa)
        let enrollment = AcmeEnrollment(
            kind: kind, name: name ?? kind.rawValue,
            server: try Self.pick(server, endpoints.map { kind == .delegate ? $0.subordinateAuthorityDirectory : $0.certificationAuthorityDirectory }, "--server"),
            trust: try Self.pick(trust, endpoints?.tlsRootPath, "--trust"),
            tokenServer: try Self.pick(tokenServer, endpoints.map { source == .sca ? $0.subordinateAuthority : $0.policyAdministrator }, "--token-server"),
            accountID: try Self.pick(accountId, endpoints.map { source == .sca ? $0.enterprise.customerID : $0.provider.accountID }, "--account-id"),
            user: try Self.pick(user, endpoints.map { source == .sca ? $0.enterprise.userID : $0.provider.userID }, "--user"),
            entries: list.entries.map(\.description), commonName: commonName ?? Self.defaultCommonName(list)
        )
        let secret = try Self.pick(password, endpoints.map { source == .sca ? $0.enterprise.password : $0.provider.password }, "--password")
        let chain = try await enrollment.run(directory: dir, password: secret, list: list)
        AcmeEnrollment.report(chain, name: enrollment.name, directory: dir, json: output.json)
    }

    /// A TN-level certificate as the provider's PBX customer, through its proxies (seed 002 figures 9–11).
    private func runThroughProxies(_ endpoints: SandboxEndpoints?) async throws {
        guard tokenFrom == nil else { throw ShakenCLIError(.invalidArgument, "--token-from does not apply with --via proxy") }
        let list: TNAuthorizationList
        if let given = try entries.list() {
            list = given
        } else if let pbx = endpoints?.pbx {
            list = try TNAuthorizationList([.range(try TelephoneNumberRange(start: TelephoneNumber(pbx.tnRangeStart), count: pbx.tnRangeCount))])
        } else {
            throw ShakenCLIError(.invalidArgument, "give the TNAuthList with --tn or --range")
        }
        let enrollment = AcmeEnrollment(
            kind: .tn, name: name ?? "tn",
            server: try Self.pick(server, endpoints?.proxyDirectory, "--server"),
            trust: try Self.pick(trust, endpoints?.tlsRootPath, "--trust"),
            tokenServer: try Self.pick(tokenServer, endpoints?.proxyTokenServer, "--token-server"),
            accountID: try Self.pick(accountId, endpoints?.pbx.customerID, "--account-id"),
            user: try Self.pick(user, endpoints?.pbx.userID, "--user"),
            entries: list.entries.map(\.description), commonName: commonName ?? "SHAKEN TN-level PBX", via: .proxy
        )
        let chain = try await enrollment.run(directory: dir, password: try Self.pick(password, endpoints?.pbx.password, "--password"), list: list)
        AcmeEnrollment.report(chain, name: enrollment.name, directory: dir, json: output.json)
        guard let endpoints, let leaf = chain.first else { return }
        // With the sandbox, what signing and verifying need: the STI-CR x5u, the trust list, the CRLs.
        let x5u = "\(endpoints.repository)/sti-ca-\(leaf.serialNumber.hexadecimal).pem"
        try InputFiles.write(x5u + "\n", to: (dir as NSString).appendingPathComponent("x5u.txt"))
        try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
            try await DelegateEnrollment(endpoints: endpoints, directory: dir, makeKey: { P256.Signing.PrivateKey() })
                .fetchVerificationMaterial(store: try ACMEKeyStore(directory: dir), transport: transport)
        }
        if !output.json { CommandOutput.line("x5u (STI-CR): \(x5u); trust.pem, sti-pa.crl, crl-signer.pem in \(dir)") }
    }

    /// `SHAKEN <spc>` for a list naming one SPC (the common name ATIS-1000080 §6.4.1 asks of SP certificates).
    static func defaultCommonName(_ list: TNAuthorizationList) -> String {
        if list.serviceProviderCodes.count == 1, let code = list.serviceProviderCodes.first { return "SHAKEN \(code.value)" }
        return "STI certificate"
    }

    static func pick(_ given: String?, _ fallback: String?, _ option: String) throws -> String {
        guard let value = given ?? fallback else { throw ShakenCLIError(.invalidArgument, "\(option) is needed without --sandbox") }
        return value
    }
}
