import Crypto
import Foundation
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import Testing
import X509

/// A certificate that violates exactly one lint rule.
struct LintCase: Sendable, CustomTestStringConvertible {
    let rule: String
    let make: @Sendable (TestPKI) throws -> (certificate: Certificate, issuer: Certificate?, profile: STICertificateProfile)
    var testDescription: String { self.rule }

    /// Edits `entity`, re-signs it with its usual issuer and lints it against `profile` with that issuer.
    static func edit(
        _ rule: String,
        _ pick: @escaping @Sendable (TestPKI) -> TestPKI.Entity,
        _ profile: STICertificateProfile,
        issuer pickIssuer: (@Sendable (TestPKI) throws -> Certificate?)? = nil,
        _ modify: @escaping @Sendable (inout CertificateTemplate) throws -> Void
    ) -> LintCase {
        LintCase(rule: rule) { pki in
            let entity = pick(pki)
            let certificate = try pki.variant(of: entity, modify)
            let issuer = try pickIssuer.map { try $0(pki) } ?? pki.issuerEntity(of: entity)?.certificate
            return (certificate, issuer, profile)
        }
    }

    static let ee: @Sendable (TestPKI) -> TestPKI.Entity = { $0.endEntity }
    static let delegate: @Sendable (TestPKI) -> TestPKI.Entity = { $0.delegateEndEntity }
    static let root: @Sendable (TestPKI) -> TestPKI.Entity = { $0.root }
    static let intermediate: @Sendable (TestPKI) -> TestPKI.Entity = { $0.intermediate }
    static let sca: @Sendable (TestPKI) -> TestPKI.Entity = { $0.subordinateCA }

    static func name(c: String? = "US", o: String? = "Example", cn: String?) throws -> DistinguishedName {
        var attributes: [RelativeDistinguishedName] = []
        if let c { attributes.append(RelativeDistinguishedName(try .init(type: .RDNAttributeType.countryName, printableString: c))) }
        if let o { attributes.append(RelativeDistinguishedName(.init(type: .RDNAttributeType.organizationName, utf8String: o))) }
        if let cn { attributes.append(RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: cn))) }
        return DistinguishedName(attributes)
    }

    static func tnList(_ entries: TNEntry...) throws -> Certificate.Extension {
        try Certificate.Extension(TNAuthorizationList(entries), critical: false)
    }

    static func crlDP(_ points: [DistributionPoint]) throws -> Certificate.Extension {
        try Certificate.Extension(CRLDistributionPoints(points), critical: false)
    }

    static func raw(_ oid: ASN1ObjectIdentifier, _ hex: String, critical: Bool = false) -> Certificate.Extension {
        Certificate.Extension(oid: oid, critical: critical, value: Fixtures.bytes(hex: hex)[...])
    }

    static let paDN: DistinguishedName = {
        (try? DistinguishedName.shaken(commonName: "STI-PA CRL Signer", organization: "Example STI-PA", country: "US"))
            ?? DistinguishedName()
    }()
}
