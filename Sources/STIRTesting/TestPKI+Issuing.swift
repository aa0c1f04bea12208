import Crypto
import Foundation
import STIRCertificates
import TNAuthList
import X509

extension TestPKI {
    /// Issues one certificate of `profile` with the key derived from `label`.
    ///
    /// - Parameters:
    ///   - builder: The builder (a linter-free one makes deliberately non-conforming certificates).
    ///   - profile: The profile.
    ///   - label: The key label (see ``key(_:)``).
    ///   - issuer: The issuing entity.
    ///   - serials: The serial-number source.
    ///   - subject: The subject name.
    ///   - validity: The validity window.
    ///   - crl: The CRL URL and optional indirect CRL issuer.
    ///   - tnAuthList: The TNAuthList, if the profile carries one.
    /// - Returns: The certificate and key.
    public static func issue(
        _ builder: STICertificateBuilder,
        _ profile: STICertificateProfile,
        label: String,
        issuer: Entity,
        serials: inout SeededRandomNumberGenerator,
        subject: DistinguishedName,
        validity: ClosedRange<Date>,
        crl: (url: String, issuer: DistinguishedName?),
        tnAuthList: TNAuthorizationList? = nil
    ) throws -> Entity {
        let key = Self.key(label)
        let certificate = try builder.issue(
            STICertificateRequest(
                profile: profile,
                subject: subject,
                publicKey: Certificate.PublicKey(key.publicKey),
                tnAuthList: tnAuthList,
                notValidBefore: validity.lowerBound,
                notValidAfter: validity.upperBound,
                crlDistributionPointURL: crl.url,
                crlIssuer: crl.issuer
            ),
            issuer: issuer.asIssuer,
            using: &serials
        )
        return Entity(certificate: certificate, privateKey: key)
    }

    /// Issues a delegate end-entity certificate under `issuer` (default: the STI-SCA), linted unless
    /// `lint` is false, so out-of-scope or otherwise broken variants can be made.
    ///
    /// - Parameters:
    ///   - tnAuthList: The delegate's scope.
    ///   - issuer: The issuing CA; defaults to ``subordinateCA``.
    ///   - label: The key label.
    ///   - validity: The validity window; defaults to one day before to 90 days after ``referenceTime``.
    ///   - lint: Whether the builder's linter runs.
    /// - Returns: The certificate and key.
    public func delegateEndEntity(
        tnAuthList: TNAuthorizationList,
        issuer: Entity? = nil,
        label: String = "delegate-variant",
        validity: ClosedRange<Date>? = nil,
        lint: Bool = true
    ) throws -> Entity {
        var serials = SeededRandomNumberGenerator(seed: UInt64(truncatingIfNeeded: label.utf8.count) &+ 0xDE1E)
        let issuer = issuer ?? self.subordinateCA
        let crlURL = issuer.certificate.subject == self.delegateCA.certificate.subject ? Self.delegateCACRLURL : Self.scaCRLURL
        return try Self.issue(
            lint ? STICertificateBuilder() : STICertificateBuilder(linter: STICertificateLinter(rules: [])),
            .delegateEndEntity,
            label: label,
            issuer: issuer,
            serials: &serials,
            subject: .shaken(commonName: "Example Delegate", organization: "Example Delegate Inc", country: "US"),
            validity: validity ?? (self.referenceTime - Self.day)...(self.referenceTime + 90 * Self.day),
            crl: (crlURL, nil),
            tnAuthList: tnAuthList
        )
    }

    /// An end-entity certificate under the delegate CA whose range 12025559000×10 lies outside the
    /// delegate CA's numbers (issued without linting; provably not encompassed, RFC 9060 §4).
    public func outOfRangeDelegateEndEntity() throws -> Entity {
        try self.delegateEndEntity(
            tnAuthList: TNAuthorizationList([try Self.range("12025559000", 10)]),
            issuer: self.delegateCA,
            label: "delegate-out-of-range",
            lint: false
        )
    }

    /// A delegate end-entity certificate that expired 10 days before ``referenceTime``.
    public func expiredDelegateEndEntity() throws -> Entity {
        try self.delegateEndEntity(
            tnAuthList: TNAuthorizationList([try Self.range("12025550110", 10)]),
            label: "delegate-expired",
            validity: (self.referenceTime - 100 * Self.day)...(self.referenceTime - 10 * Self.day)
        )
    }

    /// A copy of `entity`'s certificate, edited by `modify` and re-signed by `issuer` (default: the
    /// entity's own issuer found in this PKI, or the entity itself when self-signed). No linting.
    ///
    /// - Parameters:
    ///   - entity: The certificate to start from.
    ///   - issuer: The signer.
    ///   - modify: The edit.
    /// - Returns: The re-signed certificate.
    public func variant(
        of entity: Entity,
        signedBy issuer: Entity? = nil,
        _ modify: (inout CertificateTemplate) throws -> Void
    ) throws -> Certificate {
        var template = CertificateTemplate(entity.certificate)
        try modify(&template)
        let signer = issuer ?? self.issuerEntity(of: entity) ?? entity
        return try template.signed(by: signer.certificatePrivateKey)
    }

    /// A delegate end-entity certificate whose keyUsage is keyCertSign instead of digitalSignature.
    public func delegateEndEntityWithWrongKeyUsage() throws -> Certificate {
        try self.variant(of: self.delegateEndEntity) { template in
            template.setExtension(try Certificate.Extension(KeyUsage(keyCertSign: true), critical: true))
        }
    }

    /// The entity in this PKI that issued `entity`, or `nil` for a self-signed one.
    public func issuerEntity(of entity: Entity) -> Entity? {
        let all = [
            self.root, self.intermediate, self.subordinateCA, self.delegateCA, self.stiPACRLSigner,
        ]
        guard entity.certificate.issuer != entity.certificate.subject else { return nil }
        return all.first { $0.certificate.subject == entity.certificate.issuer }
    }

    static func makeCRLSigner(referenceTime: Date, serials: inout SeededRandomNumberGenerator) throws -> Entity {
        let key = Self.key("sti-pa-crl")
        let name = try DistinguishedName.shaken(
            commonName: "STI-PA CRL Signer",
            organization: "Example STI-PA",
            country: "US"
        )
        let certificate = try STICertificateBuilder.issueCRLSigner(
            subject: name,
            privateKey: Certificate.PrivateKey(key),
            notValidBefore: referenceTime - 365 * Self.day,
            notValidAfter: referenceTime + 3650 * Self.day,
            using: &serials
        )
        return Entity(certificate: certificate, privateKey: key)
    }
}
