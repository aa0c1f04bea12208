import Crypto
import Foundation
import SwiftASN1
import X509

@testable import CertificateRevocation

/// A tiny in-memory PKI for CRL tests, relative to one fixed reference time.
enum TestPKI {
    static let referenceTime = Date(timeIntervalSince1970: 1_750_000_000)

    struct Authority {
        var certificate: Certificate
        var key: Certificate.PrivateKey
        var name: DistinguishedName { certificate.subject }
    }

    static func name(_ commonName: String) throws -> DistinguishedName {
        try DistinguishedName {
            CountryName("US")
            OrganizationName("Shaken Test")
            CommonName(commonName)
        }
    }

    static func authority(
        _ commonName: String,
        key: Certificate.PrivateKey = Certificate.PrivateKey(P256.Signing.PrivateKey()),
        cRLSign: Bool = true,
        signedBy parent: Authority? = nil
    ) throws -> Authority {
        let subject = try name(commonName)
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            Critical(KeyUsage(keyCertSign: true, cRLSign: cRLSign))
            SubjectKeyIdentifier(hash: key.publicKey)
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [0x01, UInt8(commonName.count)]),
            publicKey: key.publicKey,
            notValidBefore: referenceTime - 86_400 * 365,
            notValidAfter: referenceTime + 86_400 * 365,
            issuer: parent?.name ?? subject,
            subject: subject,
            signatureAlgorithm: (parent?.key ?? key).defaultCRLSignatureAlgorithm,
            extensions: extensions,
            issuerPrivateKey: parent?.key ?? key
        )
        return Authority(certificate: certificate, key: key)
    }

    static func leaf(serial: Certificate.SerialNumber, issuedBy issuer: Authority, commonName: String = "leaf") throws -> Certificate {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true))
        }
        return try Certificate(
            version: .v3,
            serialNumber: serial,
            publicKey: key.publicKey,
            notValidBefore: referenceTime - 86_400,
            notValidAfter: referenceTime + 86_400 * 30,
            issuer: issuer.name,
            subject: try name(commonName),
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: issuer.key
        )
    }

    /// A CRL from `authority` valid from an hour before to a day after the reference time.
    static func crl(
        from authority: Authority,
        entries: [RevokedCertificate],
        number: UInt64 = 1,
        issuingDistributionPoint: IssuingDistributionPoint? = nil,
        additionalExtensions: [Certificate.Extension] = []
    ) throws -> CertificateRevocationList {
        var builder = try CRLBuilder(
            signer: authority.certificate,
            thisUpdate: referenceTime - 3600,
            nextUpdate: referenceTime + 86_400,
            crlNumber: CRLNumber(number),
            revokedCertificates: entries,
            issuingDistributionPoint: issuingDistributionPoint
        )
        builder.additionalExtensions = additionalExtensions
        return try builder.sign(with: authority.key)
    }

    static func entry(_ serial: Certificate.SerialNumber, reason: RevocationReason? = nil, issuer: DistinguishedName? = nil) -> RevokedCertificate {
        RevokedCertificate(serialNumber: serial, revocationDate: referenceTime - 7200, reason: reason, certificateIssuer: issuer)
    }
}

/// DER encoding of one value, for hand-assembled test structures.
func derBytes(_ value: some DERSerializable) throws -> [UInt8] {
    var serializer = DER.Serializer()
    try serializer.serialize(value)
    return serializer.serializedBytes
}
