import ACMECore
import AuthorityToken
import Foundation
import HTTPClient
import HTTPServer
import PolicyAdministration
import ProviderPortal
import StorageSQL
import TNAuthList
import X509

/// Builds the domain services of each authority over its own SQLite database.
struct SandboxAuthorities: Sendable {
    let configuration: SandboxConfiguration
    let environment: SandboxEnvironment
    let pki: SandboxPKI
    let urls: SandboxURLs
    let repository: any CertificateRepository
    let tokenCertificates: HTTPCertificateChainFetcher

    var hasher: PasswordHasher { PasswordHasher(costExponent: configuration.passwordCostExponent) }

    var acmeEnvironment: ACMEEnvironment { ACMEEnvironment(now: environment.now, random: environment.random) }

    /// The issuance probe of `authority`: the fault-injection switch when one is set, else none.
    func probe(for authority: SandboxFaultInjection.Authority) -> IssuanceProbe {
        configuration.faultInjection?.probe(for: authority) ?? .none
    }

    /// The STI-PA (spec digest §4.3-§4.6).
    func policyAdministrator(storage: SQLStorage) throws(AppError) -> PolicyAdministrationRouter.Services {
        let stores = storage.policyAdministrationStores
        let environment = self.environment
        let randomBytes: RandomByteSource = { environment.randomBytes($0) }
        let authentication = PortalAuthentication(stores: stores, hasher: hasher, randomBytes: randomBytes, now: environment.now)
        let signer: AuthorityTokenSigner
        do {
            signer = try AuthorityTokenSigner(privateKey: pki.paTokenSigner.key, x5u: urls.policyAdministratorTokenX5U)
        } catch {
            throw AppError(.keyMaterial, "the STI-PA token signer: \(error)")
        }
        return PolicyAdministrationRouter.Services(
            authentication: authentication,
            tokens: SPCTokenIssuer(
                stores: stores, authentication: authentication, signer: signer, issuer: urls.policyAdministrator,
                tokenLifetime: configuration.lifetimes.token, crlURL: urls.policyAdministratorCRL, now: environment.now,
                makeTokenID: { environment.randomText(16) }
            ),
            trustList: TrustListPublisher(
                store: stores.trustList, signingKey: pki.paTokenSigner.key, x5u: urls.policyAdministratorTokenX5U, now: environment.now
            ),
            crl: SHAKENCRLPublisher(
                store: stores.revocations,
                issuer: SHAKENCRLIssuer(
                    signerCertificate: pki.crlSigner.certificate, signerKey: pki.crlSigner.privateKey, validity: configuration.lifetimes.crl,
                    distributionPointURL: urls.policyAdministratorCRL
                )
            ),
            administration: AccountAdministration(stores: stores, hasher: hasher, randomBytes: randomBytes)
        )
    }

    /// The STI-CA's ACME service (RFC 8555; ATIS-1000080 §6.3.5), trusting the STI-PA's token authority.
    func certificationAuthority(storage: SQLStorage) -> ACMEService {
        let ledger = PublishingCertificateLedger(
            base: storage.certificateLedger, repository: repository, prefix: SandboxFaultInjection.Authority.certificationAuthority.rawValue, journal: nil
        )
        let issuer = ACMEIssuer(
            certificate: pki.caIntermediate.certificate, privateKey: pki.caIntermediate.privateKey, chainAboveIssuer: [],
            crlDistributionPointURL: urls.policyAdministratorCRL, crlIssuer: pki.crlSigner.certificate.subject, ledger: ledger,
            environment: acmeEnvironment, probe: probe(for: .certificationAuthority)
        )
        return ACMEService(
            linker: ACMELinker(baseURL: urls.certificationAuthorityACME),
            configuration: .init(
                tokenAuthority: urls.policyAdministrator + "/api/v1", proxyAliases: ACMEProxyAliases([urls.providerProxyACME])
            ),
            policy: IssuancePolicy(mode: .stiCA, endEntityLifetime: configuration.lifetimes.caIssued, caLifetime: configuration.lifetimes.caIssued),
            accounts: storage.acmeAccounts, orders: storage.orders, nonces: storage.nonces, ledger: ledger,
            validator: TKAuthValidator(trustAnchors: [pki.paTokenAnchor.certificate], source: tokenCertificates, replay: storage.tokenReplays),
            issuer: issuer, environment: acmeEnvironment
        )
    }

    /// The STI-SCA's ACME service (ATIS-1000092), issuing delegate certificates inside `scope` under
    /// `certificate`, trusting its own token authority.
    func subordinateAuthority(
        storage: SQLStorage, certificate: KeyedCertificate, chainAbove: [Certificate], scope: TNScope, journal: RevocationJournal
    ) -> ACMEService {
        let ledger = PublishingCertificateLedger(
            base: storage.certificateLedger, repository: repository, prefix: SandboxFaultInjection.Authority.subordinateAuthority.rawValue, journal: journal
        )
        let issuer = ACMEIssuer(
            certificate: certificate.certificate, privateKey: certificate.privateKey, chainAboveIssuer: chainAbove,
            crlDistributionPointURL: urls.subordinateAuthorityCRL, crlIssuer: nil, ledger: ledger, environment: acmeEnvironment,
            probe: probe(for: .subordinateAuthority)
        )
        return ACMEService(
            linker: ACMELinker(baseURL: urls.subordinateAuthorityACME),
            configuration: .init(tokenAuthority: urls.subordinateAuthority + "/api/v1"),
            policy: IssuancePolicy(
                mode: .stiSCA(scope: scope), endEntityLifetime: configuration.lifetimes.delegate, caLifetime: configuration.lifetimes.delegate
            ),
            accounts: storage.acmeAccounts, orders: storage.orders, nonces: storage.nonces, ledger: ledger,
            validator: TKAuthValidator(trustAnchors: [pki.scaTokenAnchor.certificate], source: tokenCertificates, replay: storage.tokenReplays),
            issuer: issuer, environment: acmeEnvironment
        )
    }

    /// The STI-SCA's customer login and token authority.
    func customerTokens(storage: SQLStorage, scope: TNScope) throws(AppError) -> (routes: CustomerTokenRoutes, administration: AccountAdministration) {
        let stores = storage.policyAdministrationStores
        let environment = self.environment
        let randomBytes: RandomByteSource = { environment.randomBytes($0) }
        let signer: AuthorityTokenSigner
        do {
            signer = try AuthorityTokenSigner(privateKey: pki.scaTokenSigner.key, x5u: urls.subordinateAuthorityTokenX5U)
        } catch {
            throw AppError(.keyMaterial, "the STI-SCA token signer: \(error)")
        }
        let authority = CustomerTokenAuthority(
            providerScope: scope, registry: storage.delegations, signer: signer, issuer: urls.subordinateAuthority,
            tokenLifetime: configuration.lifetimes.token, crlURL: urls.subordinateAuthorityCRL, now: environment.now,
            makeTokenID: { environment.randomText(16) }
        )
        let authentication = PortalAuthentication(stores: stores, hasher: hasher, randomBytes: randomBytes, now: environment.now)
        return (
            CustomerTokenRoutes(authentication: authentication, authority: authority),
            AccountAdministration(stores: stores, hasher: hasher, randomBytes: randomBytes)
        )
    }
}
