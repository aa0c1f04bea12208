import Crypto
import Foundation
import JOSE
import STIRCertificates
import SwiftASN1
import TNAuthList
import X509

/// The facts `cert inspect` shows about a certificate (RFC 5280 §4.1, ATIS-1000080 v005 §6.4.1, RFC 8226 §9).
///
/// JSON shape (stable): `subject`, `issuer`, `serialNumber` (hex), `notBefore`, `notAfter` (ISO 8601),
/// `profile` (the `--profile` name), `keyUsage` (names), `basicConstraints` (`{"ca": Bool, "pathLength": N|null}`
/// or null), `policies` (OIDs), `crlDistributionPoints` (`[{"uris": [...], "crlIssuers": [...]}]`),
/// `tnAuthList` (entries `{"spc": ...}`, `{"tn": ...}`, `{"range": {"start": ..., "count": N}}`, or null),
/// `tnAuthListReferences` (RFC 8226 §10 URIs), `jwtClaimConstraints` (bool), `sha256Fingerprint` (hex).
struct CertificatePresentation {
    let certificate: Certificate
    let issuer: Certificate?

    /// The DER encoding's SHA-256, hex.
    static func fingerprint(_ certificate: Certificate) -> String {
        var serializer = DER.Serializer()
        guard (try? serializer.serialize(certificate)) != nil else { return "" }
        return Hex.encode(SHA256.hash(data: serializer.serializedBytes))
    }

    /// ISO 8601 in UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    var profile: STICertificateProfile { STICertificateProfile.classify(certificate, issuer: issuer) }

    var keyUsageNames: [String] {
        guard let usage = (try? certificate.extensions.keyUsage) ?? nil else { return [] }
        let names: [(Bool, String)] = [
            (usage.digitalSignature, "digitalSignature"), (usage.nonRepudiation, "nonRepudiation"),
            (usage.keyEncipherment, "keyEncipherment"), (usage.dataEncipherment, "dataEncipherment"),
            (usage.keyAgreement, "keyAgreement"), (usage.keyCertSign, "keyCertSign"), (usage.cRLSign, "cRLSign"),
            (usage.encipherOnly, "encipherOnly"), (usage.decipherOnly, "decipherOnly"),
        ]
        return names.filter(\.0).map(\.1)
    }

    var basicConstraints: JSONOutput {
        switch (try? certificate.extensions.basicConstraints) ?? nil {
        case .none: .null
        case .some(.notCertificateAuthority): .object([.init("ca", false), .init("pathLength", .null)])
        case .some(.isCertificateAuthority(let length)):
            .object([.init("ca", true), .init("pathLength", length.map { .integer(Int64($0)) } ?? .null)])
        }
    }

    var policies: [String] {
        ((try? certificate.extensions.certificatePolicies) ?? nil)?.policyIdentifiers.map(\.description) ?? []
    }

    var distributionPoints: [(uris: [String], crlIssuers: [String])] {
        guard let points = (try? certificate.extensions.crlDistributionPoints) ?? nil else { return [] }
        return points.points.map { ($0.uris, $0.crlIssuerNames.map(\.description)) }
    }

    var tnAuthList: TNAuthorizationList? { (try? certificate.extensions.tnAuthList) ?? nil }

    var tnAuthListReferences: [String] { (try? certificate.extensions.tnAuthListReferences) ?? [] }

    var hasClaimConstraints: Bool {
        certificate.extensions[oid: .STIR.jwtClaimConstraints] != nil
            || certificate.extensions[oid: .STIR.enhancedJWTClaimConstraints] != nil
    }

    /// The JSON object described on the type.
    var json: JSONOutput {
        .object([
            .init("subject", .string(certificate.subject.description)),
            .init("issuer", .string(certificate.issuer.description)),
            .init("serialNumber", .string(Hex.encode(certificate.serialNumber.bytes))),
            .init("notBefore", .string(Self.timestamp(certificate.notValidBefore))),
            .init("notAfter", .string(Self.timestamp(certificate.notValidAfter))),
            .init("profile", .string(ProfileArgument.name(of: profile))),
            .init("keyUsage", .array(keyUsageNames.map(JSONOutput.string))),
            .init("basicConstraints", basicConstraints),
            .init("policies", .array(policies.map(JSONOutput.string))),
            .init(
                "crlDistributionPoints",
                .array(
                    distributionPoints.map { point in
                        .object([
                            .init("uris", .array(point.uris.map(JSONOutput.string))),
                            .init("crlIssuers", .array(point.crlIssuers.map(JSONOutput.string))),
                        ])
                    }
                )
            ),
            .init("tnAuthList", tnAuthList.map { .array($0.entries.map(TNAuthListPresentation.json)) } ?? .null),
            .init("tnAuthListReferences", .array(tnAuthListReferences.map(JSONOutput.string))),
            .init("jwtClaimConstraints", .bool(hasClaimConstraints)),
            .init("sha256Fingerprint", .string(Self.fingerprint(certificate))),
        ])
    }

    /// Readable lines.
    var lines: [String] {
        var lines = [
            "Subject:        \(certificate.subject)",
            "Issuer:         \(certificate.issuer)",
            "Serial:         \(Hex.encode(certificate.serialNumber.bytes))",
            "Valid:          \(Self.timestamp(certificate.notValidBefore)) to \(Self.timestamp(certificate.notValidAfter))",
            "Profile:        \(ProfileArgument.name(of: profile))",
            "Key usage:      \(keyUsageNames.joined(separator: ", "))",
        ]
        switch (try? certificate.extensions.basicConstraints) ?? nil {
        case .none: lines.append("Basic constr.:  absent")
        case .some(.notCertificateAuthority): lines.append("Basic constr.:  cA=FALSE")
        case .some(.isCertificateAuthority(let length)):
            lines.append("Basic constr.:  cA=TRUE" + (length.map { ", pathLen=\($0)" } ?? ""))
        }
        lines.append("Policies:       \(policies.joined(separator: ", "))")
        for point in distributionPoints {
            let issuers = point.crlIssuers.isEmpty ? "" : " (cRLIssuer \(point.crlIssuers.joined(separator: "; ")))"
            lines.append("CRL DP:         \(point.uris.joined(separator: ", "))\(issuers)")
        }
        if let list = tnAuthList {
            lines.append("TNAuthList:")
            lines.append(contentsOf: list.entries.map { "  " + TNAuthListPresentation.text($0) })
        }
        for reference in tnAuthListReferences { lines.append("TNAuthList ref: \(reference)") }
        if hasClaimConstraints { lines.append("JWT claim constraints: present") }
        lines.append("SHA-256:        \(Self.fingerprint(certificate))")
        return lines
    }
}
