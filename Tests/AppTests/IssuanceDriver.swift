import ACMECore
import App
import Crypto
import Foundation
import HTTPClient
import STIRCertificates
import TNAuthList
import X509

/// Drives issuances at one of the sandbox's issuers over HTTPS, as a client would: an SP certificate
/// from the STI-CA (SPC token from the STI-PA) or a delegate certificate from the STI-SCA (customer
/// token from the STI-SCA), step by step so that a test knows the order before finalizing it.
struct IssuanceDriver: Sendable {
    let endpoints: SandboxEndpoints
    let authority: SandboxFaultInjection.Authority
    let transport: HTTPSClient
    let acme: ACMEClient
    private let tokens: STIPAClient

    /// Logs in at the token authority and registers (or finds) the ACME account of `accountKey`.
    static func connect(
        endpoints: SandboxEndpoints, authority: SandboxFaultInjection.Authority, accountKey: P256.Signing.PrivateKey, transport: HTTPSClient
    ) async throws -> IssuanceDriver {
        let directoryURL = authority == .certificationAuthority ? endpoints.certificationAuthorityDirectory : endpoints.subordinateAuthorityDirectory
        let acme = ACMEClient(
            configuration: .init(directoryURL: directoryURL, pollInterval: .milliseconds(200), maximumPolls: 300), accountKey: accountKey, transport: transport
        )
        try await acme.register()
        let tokens: STIPAClient
        switch authority {
        case .certificationAuthority:
            tokens = STIPAClient(baseURL: endpoints.policyAdministrator, transport: transport)
            try await tokens.login(userID: endpoints.provider.userID, password: endpoints.provider.password)
        case .subordinateAuthority:
            tokens = STIPAClient(baseURL: endpoints.subordinateAuthority, transport: transport)
            try await tokens.login(userID: endpoints.enterprise.userID, password: endpoints.enterprise.password)
        }
        return IssuanceDriver(endpoints: endpoints, authority: authority, transport: transport, acme: acme, tokens: tokens)
    }

    /// The identifier asked for: the provider's SPC at the STI-CA, the enterprise's range at the STI-SCA.
    var list: TNAuthorizationList {
        get throws {
            switch authority {
            case .certificationAuthority:
                return try TNAuthorizationList([.spc(try ServiceProviderCode(endpoints.provider.spc))])
            case .subordinateAuthority:
                return try TNAuthorizationList([
                    .range(try TelephoneNumberRange(start: TelephoneNumber(endpoints.enterprise.tnRangeStart), count: endpoints.enterprise.tnRangeCount))
                ])
            }
        }
    }

    /// The account's ID at the server (the last segment of its URL).
    var accountID: ACMEAccount.ID {
        get async throws {
            guard let url = await acme.accountURL, let last = url.split(separator: "/").last else { throw SandboxProcessError("no account URL") }
            return ACMEAccount.ID(rawValue: String(last))
        }
    }

    /// A new order whose authorization is answered with a fresh token and valid: `ready` to finalize.
    func readyOrder() async throws -> ACMEOrderResource {
        let list = try self.list
        let accountID: String
        switch authority {
        case .certificationAuthority: accountID = endpoints.provider.accountID
        case .subordinateAuthority: accountID = endpoints.enterprise.customerID
        }
        let token = try await tokens.requestSPCToken(accountID: accountID, tnAuthList: list, accountKey: await acme.accountJWK)
        let order = try await acme.newOrder(for: list)
        for url in order.authorizations {
            let authorization = try await acme.authorization(at: url)
            if authorization.status == "valid" { continue }
            guard let challenge = authorization.tkauthChallenge else { throw SandboxProcessError("no tkauth-01 challenge in \(url)") }
            _ = try await acme.respond(to: challenge, token: token.token)
            _ = try await acme.waitUntilValid(authorization: url)
        }
        return try await acme.order(at: order.url)
    }

    /// Finalizes `order` with a CSR for a fresh key and waits until it is valid.
    func finalize(_ order: ACMEOrderResource) async throws -> ACMEOrderResource {
        // An SP certificate's commonName is exactly "SHAKEN <SPC>" (ATIS-1000080 §6.4.1).
        let commonName = authority == .certificationAuthority ? "SHAKEN \(endpoints.provider.spc)" : "Crash Test Enterprise"
        let subject = try DistinguishedName.shaken(commonName: commonName, organization: "Crash Test", country: "US")
        let csr = try CertificateSigningRequest.stiRequest(
            subject: subject, privateKey: Certificate.PrivateKey(P256.Signing.PrivateKey()), tnAuthList: try list
        )
        return try await acme.finalize(order, csr: csr)
    }

    /// One whole issuance: order, authorization, finalize, download; the downloaded chain, leaf first.
    func issue() async throws -> [Certificate] {
        let finished = try await finalize(try await readyOrder())
        guard let url = finished.certificate else { throw SandboxProcessError("valid order \(finished.url) has no certificate URL") }
        return try await acme.downloadChain(at: url)
    }

    /// The STI-CR copy of the chain of `serial` (the `x5u` target), or `nil` when it answers 404.
    func published(_ serial: Certificate.SerialNumber) async throws -> [Certificate]? {
        let name = authority.rawValue + "-" + CertificateSerial(serial).hex
        let response = try await transport.send(HTTPSRequest(url: endpoints.repository + "/" + name + ".pem"))
        guard response.status == 200 else { return nil }
        return try PEMCertificateChain.parse(response.body)
    }
}
