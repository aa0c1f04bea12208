import ACMECore
import Crypto
import Foundation
import HTTPClient
import HTTPServer
import PolicyAdministration
import ProviderPortal
import TNAuthList
import X509

/// First-start provisioning (issue items 4 and 9): the demo provider's STI-PA account, the STI-CA root
/// on the trust list, the STI-SCA's CA certificate obtained over ACME with a `ca: true` SPC token from
/// the STI-PA (both over HTTPS), and the demo enterprise registered at the STI-SCA. Each step tolerates
/// having been done by an interrupted earlier start.
struct SandboxProvisioning: Sendable {
    let directory: DataDirectory
    let environment: SandboxEnvironment
    let pki: SandboxPKI
    let urls: SandboxURLs
    let state: SandboxState
    let progress: @Sendable (String) -> Void

    static let subordinateCAChainFile = "sca/ca.pem"
    static let subordinateCAKeyFile = "sca/ca.key"

    /// Creates the provider's account and user at the STI-PA and puts the STI-CA root on the trust list.
    func provisionPolicyAdministrator(_ services: PolicyAdministrationRouter.Services) async throws(AppError) {
        progress("STI-PA: account \(SandboxDemo.providerAccountID) (SPC \(SandboxDemo.spc), \(SandboxDemo.providerRange.count) numbers, may run an STI-SCA)")
        do {
            try await tolerating([.duplicateAccount]) {
                try await services.administration.createAccount(
                    ServiceProviderAccount(
                        id: AccountID(SandboxDemo.providerAccountID), name: SandboxDemo.providerName, spc: try SandboxDemo.serviceProviderCode(),
                        tnRanges: [try SandboxDemo.providerEntry()], mayRunSubordinateCA: true
                    )
                )
            }
            try await tolerating([.duplicateUser]) {
                try await services.administration.createUser(
                    userID: SandboxDemo.providerUser, accountID: AccountID(SandboxDemo.providerAccountID), password: state.providerPassword
                )
            }
            try await tolerating([.trustListConflict]) { _ = try await services.trustList.addRoot(pki.caRoot.certificate) }
        } catch {
            throw AppError(.provisioning, "STI-PA provisioning: \(error)")
        }
    }

    /// The STI-SCA's CA certificate: kept from an earlier start, or obtained now from the STI-CA over
    /// ACME with a `ca: true` SPC token from the STI-PA (ATIS-1000092 §5.3; RFC 9448 §5).
    func subordinateCACertificate(obtainIfMissing: Bool) async throws(AppError) -> (KeyedCertificate, [Certificate]) {
        let key = try directory.key(Self.subordinateCAKeyFile) { environment.makeKey() }
        if let chain = try directory.certificates(Self.subordinateCAChainFile), let leaf = chain.first {
            return (KeyedCertificate(certificate: leaf, key: key), Array(chain.dropFirst()))
        }
        guard obtainIfMissing else { throw AppError(.corruptState, "no STI-SCA certificate in \(directory.path("sca"))") }
        let transport: HTTPSClient
        do {
            transport = try HTTPSClient(configuration: .init(trustRoots: .only(pem: Array(try pki.tls.rootCertificatePEM.utf8))))
        } catch {
            throw AppError(.provisioning, "HTTPS client: \(error)")
        }
        do {
            let chain = try await obtain(key: key, transport: transport)
            await transport.shutdown()
            try directory.write(certificates: chain, to: Self.subordinateCAChainFile)
            guard let leaf = chain.first else { throw AppError(.provisioning, "the STI-CA returned an empty chain") }
            return (KeyedCertificate(certificate: leaf, key: key), Array(chain.dropFirst()))
        } catch {
            await transport.shutdown()
            if let error = error as? AppError { throw error }
            throw AppError(.provisioning, "obtaining the STI-SCA certificate over ACME: \(error)")
        }
    }

    private func obtain(key: P256.Signing.PrivateKey, transport: HTTPSClient) async throws -> [Certificate] {
        let list = try SandboxDemo.subordinateCAList()
        let accountKey = try directory.key("sca/acme-account.key") { environment.makeKey() }
        let acme = ACMEClient(
            configuration: .init(directoryURL: urls.certificationAuthorityACME + "/directory", pollInterval: .milliseconds(100)),
            accountKey: accountKey, transport: transport
        )
        progress("STI-SCA: ACME account at the STI-CA")
        _ = try await acme.register()
        progress("STI-SCA: ca:true SPC token from the STI-PA over HTTPS")
        let pa = STIPAClient(baseURL: urls.policyAdministrator, transport: transport)
        try await pa.login(userID: SandboxDemo.providerUser, password: state.providerPassword)
        let token = try await pa.requestSPCToken(accountID: SandboxDemo.providerAccountID, tnAuthList: list, accountKey: await acme.accountJWK, isCA: true)
        try await pa.logout()
        progress("STI-SCA: order, tkauth-01, finalize at the STI-CA")
        let issuance = try await acme.obtainCertificate(
            for: list, token: token.token, certificateKey: key, subject: try SandboxDemo.subordinateCASubject(), isCA: true
        )
        return issuance.chain
    }

    /// Registers the demo enterprise at the STI-SCA: its delegated sub-range and a login.
    func provisionEnterprise(routes: CustomerTokenRoutes, administration: AccountAdministration) async throws(AppError) {
        progress("STI-SCA: customer \(SandboxDemo.enterpriseID) with \(SandboxDemo.enterpriseRange.count) delegated numbers from \(SandboxDemo.enterpriseRange.start)")
        try await provisionCustomer(
            id: SandboxDemo.enterpriseID, name: SandboxDemo.enterpriseName, code: SandboxDemo.spc, entry: { try SandboxDemo.enterpriseEntry() },
            userID: SandboxDemo.enterpriseUser, password: state.enterprisePassword, routes: routes, administration: administration
        )
    }

    /// Registers the demo PBX at the provider (seed 002 figure 9 "the list of TNs delegated to the PBX"):
    /// its delegated sub-range, which the provider's STI-PA account holds, and a login for the SP-PA-proxy.
    func provisionPBX(password: String, routes: CustomerTokenRoutes, administration: AccountAdministration) async throws(AppError) {
        progress("Provider: PBX \(SandboxDemo.pbxID) with \(SandboxDemo.pbxRange.count) delegated numbers from \(SandboxDemo.pbxRange.start) (TN-level certificates via the proxies)")
        try await provisionCustomer(
            id: SandboxDemo.pbxID, name: SandboxDemo.pbxName, code: SandboxDemo.pbxRecordCode, entry: { try SandboxDemo.pbxEntry() },
            userID: SandboxDemo.pbxUser, password: password, routes: routes, administration: administration
        )
    }

    private func provisionCustomer(
        id: String, name: String, code: String, entry: () throws -> TNEntry, userID: String, password: String, routes: CustomerTokenRoutes,
        administration: AccountAdministration
    ) async throws(AppError) {
        do {
            let delegated = try entry()
            try await routes.authority.registerCustomer(Delegation(customer: CustomerID(id), tnAuthList: try TNAuthorizationList([delegated])))
            try await tolerating([.duplicateAccount]) {
                try await administration.createAccount(
                    ServiceProviderAccount(
                        id: AccountID(id), name: name, spc: try ServiceProviderCode(code), tnRanges: [delegated], mayRunSubordinateCA: false
                    )
                )
            }
            do {
                try await administration.createUser(userID: userID, accountID: AccountID(id), password: password)
            } catch let error as PolicyAdministrationError where error.code == .duplicateUser {
                // An interrupted or older start made the user: the password kept in sandbox.json wins.
                try await administration.changePassword(userID: userID, to: password)
            }
        } catch {
            throw AppError(.provisioning, "registering customer \(id) at the provider: \(error)")
        }
    }

    private func tolerating(_ codes: Set<PolicyAdministrationError.Code>, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as PolicyAdministrationError where codes.contains(error.code) {
            return
        }
    }
}
