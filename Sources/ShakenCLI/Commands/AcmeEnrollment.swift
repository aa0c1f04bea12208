import Crypto
import Foundation
import HTTPClient
import STIRCertificates
import TNAuthList
import X509

/// The settings of one `acme certificate` run, kept as `<name>.enrollment.json` so that `acme renew`
/// can repeat it (issue item 7).
struct AcmeEnrollment: Codable {
    var kind: AcmeCertificateCommand.Kind
    var name: String
    var server: String
    var trust: String
    var tokenServer: String
    var accountID: String
    var user: String
    /// The TNAuthList entries as `spc:…`, `tn:…`, `range:START+COUNT`.
    var entries: [String]
    var commonName: String
    /// For a TN-level certificate: through the provider's proxies or direct (absent: direct).
    var via: AcmeCertificateCommand.Via? = nil

    static func load(directory: String, name: String) throws -> AcmeEnrollment {
        let path = (directory as NSString).appendingPathComponent(name + ".enrollment.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShakenCLIError(.fileUnreadable, "no \(name).enrollment.json in \(directory); obtain it with `shaken acme certificate` first")
        }
        do {
            return try JSONDecoder().decode(AcmeEnrollment.self, from: data)
        } catch {
            throw ShakenCLIError(.fileUnreadable, "\(path) does not decode: \(error)")
        }
    }

    func tnAuthList() throws -> TNAuthorizationList {
        var spc: [String] = []
        var tn: [String] = []
        var range: [String] = []
        for entry in entries {
            if entry.hasPrefix("spc:") { spc.append(String(entry.dropFirst(4))) }
            else if entry.hasPrefix("tn:") { tn.append(String(entry.dropFirst(3))) }
            else if entry.hasPrefix("range:") { range.append(String(entry.dropFirst(6)).replacingOccurrences(of: "+", with: ":")) }
            else { throw ShakenCLIError(.invalidArgument, "unknown TNAuthList entry \(entry) in \(name).enrollment.json") }
        }
        guard let list = try ArgumentValues.tnAuthList(spc: spc, tn: tn, range: range) else {
            throw ShakenCLIError(.invalidArgument, "\(name).enrollment.json names no TNAuthList entry")
        }
        return list
    }

    /// Logs in at the token authority, gets a token for `list`, and obtains the certificate over ACME.
    func run(directory: String, password: String, list: TNAuthorizationList) async throws -> [Certificate] {
        let store = try ACMEKeyStore(directory: directory)
        return try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(trust))) { transport in
            let acme = ACMEClient(
                configuration: .init(directoryURL: server, pollInterval: .milliseconds(200)),
                accountKey: try store.loadOrCreateAccountKey { P256.Signing.PrivateKey() }, accountURL: try store.accountURL(), transport: transport
            )
            let authority = STIPAClient(baseURL: tokenServer, transport: transport)
            try await authority.login(userID: user, password: password)
            let token: STIPAClient.TokenResponse
            if via == .proxy {
                // Seed 002 figure 9 before figure 10: the SP-CA-proxy admits only account keys that
                // obtained a token through the SP-PA-proxy.
                token = try await authority.requestProxiedToken(customerID: accountID, accountKey: await acme.accountJWK, tnAuthList: list)
                try? await authority.logout()
                try store.saveAccountURL(try await acme.register().url)
            } else {
                try store.saveAccountURL(try await acme.register().url)
                token = try await authority.requestSPCToken(accountID: accountID, tnAuthList: list, accountKey: await acme.accountJWK, isCA: kind == .sca)
                try? await authority.logout()
            }
            let key = P256.Signing.PrivateKey()
            let subject = try DistinguishedName.shaken(commonName: commonName, organization: commonName, country: "US")
            let issuance = try await acme.obtainCertificate(for: list, token: token.token, certificateKey: key, subject: subject, isCA: kind == .sca)
            try store.saveCertificateKey(key, named: name)
            try store.saveChain(issuance.chain, named: name)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try InputFiles.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n", to: store.path(name + ".enrollment.json"))
            return issuance.chain
        }
    }

    static func report(_ chain: [Certificate], name: String, directory: String, json: Bool) {
        let subject = chain.first.map { "\($0.subject)" } ?? ""
        let serial = chain.first.map { Hex.encode($0.serialNumber.bytes) } ?? ""
        if json {
            CommandOutput.json(.object([
                .init("subject", .string(subject)), .init("serialNumber", .string(serial)), .init("chainLength", .integer(Int64(chain.count))),
                .init("key", .string(name + ".key")), .init("chain", .string(name + ".chain.pem")), .init("directory", .string(directory)),
            ]))
            return
        }
        CommandOutput.line("Certificate: \(subject) (serial \(serial))")
        CommandOutput.line("Files in \(directory): \(name).key, \(name).chain.pem, \(name).enrollment.json")
    }
}
