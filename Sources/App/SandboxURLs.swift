import Foundation

/// The URLs of a sandbox's services, derived from its host and ports.
struct SandboxURLs: Hashable, Sendable {
    let host: String
    let ports: SandboxConfiguration.Ports

    private func origin(_ port: Int) -> String { "https://\(host):\(port)" }

    /// The host name in STI-CR URLs: `localhost` for the IPv4 loopback, since PASSporT `x5u` URLs name a
    /// DNS host, not an IP literal (ATIS-1000074 §5.3.1; the STI-AS x5u policy).
    var repositoryHost: String { host == "127.0.0.1" ? "localhost" : host }

    /// The STI-PA base URL.
    var policyAdministrator: String { origin(ports.policyAdministrator) }
    /// The SHAKEN CRL (spec digest §4.6).
    var policyAdministratorCRL: String { policyAdministrator + "/download/v1/crl" }
    /// The STI-CA ACME base URL.
    var certificationAuthorityACME: String { origin(ports.certificationAuthority) + "/acme" }
    /// The STI-SCA base URL (customer token API, CRL).
    var subordinateAuthority: String { origin(ports.subordinateAuthority) }
    /// The STI-SCA ACME base URL.
    var subordinateAuthorityACME: String { subordinateAuthority + "/acme" }
    /// The provider's SP-CA-proxy ACME base URL (seed 002 figure 10), the alias the STI-CA trusts.
    var providerProxyACME: String { subordinateAuthority + "/proxy/acme" }
    /// The STI-SCA's CRL.
    var subordinateAuthorityCRL: String { subordinateAuthority + "/crl/sca.crl" }
    /// The STI-CR base URL.
    var repository: String { "https://\(repositoryHost):\(ports.repository)/certs" }
    /// The `x5u` of the STI-PA token-signing certificate.
    var policyAdministratorTokenX5U: String { repository + "/" + SandboxPKI.paTokenSignerName + ".pem" }
    /// The `x5u` of the STI-SCA token-signing certificate.
    var subordinateAuthorityTokenX5U: String { repository + "/" + SandboxPKI.scaTokenSignerName + ".pem" }
}
