import Crypto
import Foundation
import STIRCertificates
import TNAuthList
import X509

/// A complete, deterministic STIR/SHAKEN PKI with delegation, built with ``STICertificateBuilder``
/// relative to a fixed ``referenceTime``:
///
/// ```
/// STI-PA CRL signer (self-signed)
/// SHAKEN root ─ STI-CA intermediate ─┬─ SP end entity (SPC 1234)
///                                    └─ TNSP STI-SCA (SPC 5678 + 12025550100×100)
///                                         ├─ delegate end entity (12025550110×10)
///                                         └─ delegate CA (12025550150×50) ─ its end entity (12025550160×5)
/// ```
/// Keys are P-256 keys derived from fixed labels, so every run produces the same keys.
public struct TestPKI: Sendable {
    /// A certificate with its private key.
    public struct Entity: Sendable {
        /// The certificate.
        public let certificate: Certificate
        /// The subject's private key.
        public let privateKey: P256.Signing.PrivateKey

        /// The private key in swift-certificates form.
        public var certificatePrivateKey: Certificate.PrivateKey {
            Certificate.PrivateKey(self.privateKey)
        }

        /// The issuer form of this entity for ``STICertificateBuilder``.
        public var asIssuer: STICertificateBuilder.Issuer {
            .certificate(self.certificate, privateKey: self.certificatePrivateKey)
        }

        /// Pairs a certificate with its key.
        public init(certificate: Certificate, privateKey: P256.Signing.PrivateKey) {
            self.certificate = certificate
            self.privateKey = privateKey
        }
    }

    /// 2025-01-01T00:00:00Z, the default reference time.
    public static let defaultReferenceTime = Date(timeIntervalSince1970: 1_735_689_600)
    /// The URL of the STI-PA CRL named by STI-CA-issued certificates.
    public static let stiPACRLURL = "https://crl.sti-pa.example/shaken.crl"
    /// The URL of the STI-SCA's own CRL named by its delegate certificates.
    public static let scaCRLURL = "https://sca.tnsp.example/delegate.crl"
    /// The URL of the delegate CA's own CRL.
    public static let delegateCACRLURL = "https://pbx.enterprise.example/delegate.crl"
    /// One day in seconds.
    public static let day: TimeInterval = 86_400

    /// The instant every validity window is relative to; validate at this time.
    public let referenceTime: Date
    /// The STI-PA CRL signing certificate (self-signed, keyCertSign + cRLSign); it names the STI-PA CRL issuer.
    public let stiPACRLSigner: Entity
    /// The SHAKEN root.
    public let root: Entity
    /// The STI-CA intermediate.
    public let intermediate: Entity
    /// A SHAKEN SP end-entity certificate for SPC `1234`.
    public let endEntity: Entity
    /// The TNSP's STI-SCA CA certificate: SPC `5678` and range 12025550100×100.
    public let subordinateCA: Entity
    /// A delegate end-entity certificate under the STI-SCA: range 12025550110×10.
    public let delegateEndEntity: Entity
    /// A sub-delegating CA under the STI-SCA: range 12025550150×50.
    public let delegateCA: Entity
    /// An end-entity certificate under the delegate CA: range 12025550160×5.
    public let delegateCAEndEntity: Entity

    /// Builds the whole PKI.
    ///
    /// - Parameter referenceTime: The instant validity windows are relative to.
    /// - Throws: When a certificate cannot be built (a bug in the fixtures or the builder).
    public init(referenceTime: Date = TestPKI.defaultReferenceTime) throws {
        self.referenceTime = referenceTime
        var serials = SeededRandomNumberGenerator(seed: 0x5348_414B_454E)
        let builder = STICertificateBuilder()
        let day = Self.day

        self.stiPACRLSigner = try Self.makeCRLSigner(referenceTime: referenceTime, serials: &serials)

        let rootKey = Self.key("root")
        let root = try builder.issue(
            STICertificateRequest(
                profile: .root,
                subject: .shaken(commonName: "SHAKEN ROOT Example", organization: "Example STI-CA", country: "US"),
                publicKey: Certificate.PublicKey(rootKey.publicKey),
                notValidBefore: referenceTime - 365 * day,
                notValidAfter: referenceTime + 3650 * day
            ),
            issuer: .selfSigned(Certificate.PrivateKey(rootKey)),
            using: &serials
        )
        self.root = Entity(certificate: root, privateKey: rootKey)

        self.intermediate = try Self.issue(
            builder, .intermediate, label: "intermediate", issuer: self.root, serials: &serials,
            subject: .shaken(commonName: "SHAKEN Intermediate Example", organization: "Example STI-CA", country: "US"),
            validity: (referenceTime - 180 * day)...(referenceTime + 1825 * day),
            crl: (Self.stiPACRLURL, self.stiPACRLSigner.certificate.subject)
        )
        self.endEntity = try Self.issue(
            builder, .endEntity, label: "sp-1234", issuer: self.intermediate, serials: &serials,
            subject: .shaken(commonName: "SHAKEN 1234", organization: "Example Service Provider", country: "US"),
            validity: (referenceTime - day)...(referenceTime + 365 * day),
            crl: (Self.stiPACRLURL, self.stiPACRLSigner.certificate.subject),
            tnAuthList: TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        )
        self.subordinateCA = try Self.issue(
            builder, .subordinateCA, label: "sca-5678", issuer: self.intermediate, serials: &serials,
            subject: .shaken(commonName: "SHAKEN 5678 STI-SCA", organization: "Example TNSP", country: "US"),
            validity: (referenceTime - 30 * day)...(referenceTime + 730 * day),
            crl: (Self.stiPACRLURL, self.stiPACRLSigner.certificate.subject),
            tnAuthList: TNAuthorizationList([.spc(ServiceProviderCode("5678")), try Self.range("12025550100", 100)])
        )
        self.delegateEndEntity = try Self.issue(
            builder, .delegateEndEntity, label: "delegate-ee", issuer: self.subordinateCA, serials: &serials,
            subject: .shaken(commonName: "Example Enterprise", organization: "Example Enterprise Inc", country: "US"),
            validity: (referenceTime - day)...(referenceTime + 90 * day),
            crl: (Self.scaCRLURL, nil),
            tnAuthList: TNAuthorizationList([try Self.range("12025550110", 10)])
        )
        self.delegateCA = try Self.issue(
            builder, .delegateCA, label: "delegate-ca", issuer: self.subordinateCA, serials: &serials,
            subject: .shaken(commonName: "Example Hosted PBX CA", organization: "Example Hosted PBX", country: "US"),
            validity: (referenceTime - 7 * day)...(referenceTime + 365 * day),
            crl: (Self.scaCRLURL, nil),
            tnAuthList: TNAuthorizationList([try Self.range("12025550150", 50)])
        )
        self.delegateCAEndEntity = try Self.issue(
            builder, .delegateEndEntity, label: "delegate-ca-ee", issuer: self.delegateCA, serials: &serials,
            subject: .shaken(commonName: "Example PBX Tenant", organization: "Example Tenant LLC", country: "US"),
            validity: (referenceTime - day)...(referenceTime + 90 * day),
            crl: (Self.delegateCACRLURL, nil),
            tnAuthList: TNAuthorizationList([try Self.range("12025550160", 5)])
        )
    }

    /// A P-256 key derived from `label` (the private scalar is SHA-256 of the label).
    ///
    /// - Parameter label: Any fixed string; equal labels give equal keys.
    public static func key(_ label: String) -> P256.Signing.PrivateKey {
        let digest = SHA256.hash(data: Array("swift-shaken test key \(label)".utf8))
        // A SHA-256 output is a valid P-256 scalar except with negligible probability; fixed labels are checked by tests.
        return (try? P256.Signing.PrivateKey(rawRepresentation: Array(digest))) ?? Self.key(label + "'")
    }

    /// A TN range entry.
    public static func range(_ start: String, _ count: Int) throws -> TNEntry {
        .range(try TelephoneNumberRange(start: TelephoneNumber(start), count: count))
    }

    /// The chain from `entity` up to (excluding) the root, leaf first.
    public func chain(for entity: Entity) -> [Certificate] {
        let all = [
            self.delegateCAEndEntity, self.delegateCA, self.delegateEndEntity, self.subordinateCA, self.endEntity,
            self.intermediate, self.root,
        ]
        var chain = [entity.certificate]
        var current = entity.certificate
        while current.issuer != current.subject,
            let parent = all.first(where: { $0.certificate.subject == current.issuer })
        {
            if parent.certificate.issuer == parent.certificate.subject { break }
            chain.append(parent.certificate)
            current = parent.certificate
        }
        return chain
    }
}
