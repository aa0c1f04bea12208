import SwiftASN1
import TNAuthList
import X509

/// Everything a lint rule may look at: the certificate, its issuer, the profile and the decoded
/// extensions (decoded once; `nil` when absent or malformed; malformation is a rule of its own).
public struct LintContext: Sendable {
    /// The certificate under test.
    public let certificate: Certificate
    /// Its issuer's certificate, when known.
    public let issuer: Certificate?
    /// The profile the certificate is checked against.
    public let profile: STICertificateProfile
    /// The accepted SHAKEN certificate policies.
    public let policy: SHAKENPolicy

    /// The basic constraints, if present and well formed.
    public let basicConstraints: BasicConstraints?
    /// The key usage, if present and well formed.
    public let keyUsage: KeyUsage?
    /// The subject key identifier, if present and well formed.
    public let subjectKeyIdentifier: SubjectKeyIdentifier?
    /// The authority key identifier, if present and well formed.
    public let authorityKeyIdentifier: AuthorityKeyIdentifier?
    /// The certificate policies, if present and well formed.
    public let certificatePolicies: CertificatePolicies?
    /// The CRL distribution points, if present and well formed.
    public let crlDistributionPoints: CRLDistributionPoints?
    /// The TNAuthList, if present and well formed.
    public let tnAuthList: TNAuthorizationList?
    /// The issuer's TNAuthList, if the issuer is known and carries a well-formed one.
    public let issuerTNAuthList: TNAuthorizationList?

    /// Decodes what the rules need.
    ///
    /// - Parameters:
    ///   - certificate: The certificate under test.
    ///   - issuer: Its issuer's certificate, when known.
    ///   - profile: The profile to check against.
    ///   - policy: The accepted SHAKEN certificate policies.
    public init(certificate: Certificate, issuer: Certificate?, profile: STICertificateProfile, policy: SHAKENPolicy) {
        self.certificate = certificate
        self.issuer = issuer
        self.profile = profile
        self.policy = policy
        let extensions = certificate.extensions
        self.basicConstraints = (try? extensions.basicConstraints) ?? nil
        self.keyUsage = (try? extensions.keyUsage) ?? nil
        self.subjectKeyIdentifier = (try? extensions.subjectKeyIdentifier) ?? nil
        self.authorityKeyIdentifier = (try? extensions.authorityKeyIdentifier) ?? nil
        self.certificatePolicies = (try? extensions.certificatePolicies) ?? nil
        self.crlDistributionPoints = (try? extensions.crlDistributionPoints) ?? nil
        self.tnAuthList = (try? extensions.tnAuthList) ?? nil
        self.issuerTNAuthList = issuer.flatMap { (try? $0.extensions.tnAuthList) ?? nil }
    }

    /// The raw extension with `oid`, if present.
    public func extensionValue(_ oid: ASN1ObjectIdentifier) -> Certificate.Extension? {
        self.certificate.extensions[oid: oid]
    }

    /// The values of every subject attribute with `oid`, as strings.
    public func subjectValues(_ oid: ASN1ObjectIdentifier) -> [String] {
        self.certificate.subject.flatMap { rdn in
            rdn.filter { $0.type == oid }.map { String(describing: $0.value) }
        }
    }
}
