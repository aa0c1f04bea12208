import SwiftASN1
import X509

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds and signs a version 2 CRL (RFC 5280 §5.1, §5.2).
///
/// The builder writes `version` v2, the issuer, `thisUpdate`, `nextUpdate`, the entries (omitting the list when
/// empty, RFC 5280 §5.1.2.6) and these CRL extensions in order: authorityKeyIdentifier (§5.2.1, non-critical),
/// cRLNumber (§5.2.3, non-critical), deltaCRLIndicator (§5.2.4, critical), issuingDistributionPoint (§5.2.5,
/// critical), then ``additionalExtensions``. Entry extensions are reasonCode (§5.3.1), invalidityDate (§5.3.2)
/// and, in indirect CRLs, a critical certificateIssuer (§5.3.3) written only where the effective issuer changes.
public struct CRLBuilder: Sendable {
    /// The CRL issuer (RFC 5280 §5.1.2.3): the signer certificate's subject.
    public var issuer: DistinguishedName
    /// The issue date (RFC 5280 §5.1.2.4).
    public var thisUpdate: Date
    /// The date by which the next CRL will be issued (RFC 5280 §5.1.2.5).
    public var nextUpdate: Date
    /// The CRL number (RFC 5280 §5.2.3).
    public var crlNumber: CRLNumber
    /// The revoked certificates, in the order they will be written.
    public var revokedCertificates: [RevokedCertificate]
    /// The authorityKeyIdentifier (RFC 5280 §5.2.1); set from the signer's subjectKeyIdentifier by
    /// ``init(signer:thisUpdate:nextUpdate:crlNumber:revokedCertificates:issuingDistributionPoint:)``.
    public var authorityKeyIdentifier: AuthorityKeyIdentifier?
    /// The issuingDistributionPoint (RFC 5280 §5.2.5); required with `indirectCRL` when entries name another issuer.
    public var issuingDistributionPoint: IssuingDistributionPoint?
    /// The base CRL number when building a delta CRL (RFC 5280 §5.2.4).
    public var deltaCRLIndicator: CRLNumber?
    /// Further CRL extensions, written after the ones above.
    public var additionalExtensions: [Certificate.Extension]

    /// Creates a builder from explicit values.
    public init(
        issuer: DistinguishedName,
        thisUpdate: Date,
        nextUpdate: Date,
        crlNumber: CRLNumber,
        revokedCertificates: [RevokedCertificate] = [],
        authorityKeyIdentifier: AuthorityKeyIdentifier? = nil,
        issuingDistributionPoint: IssuingDistributionPoint? = nil,
        deltaCRLIndicator: CRLNumber? = nil,
        additionalExtensions: [Certificate.Extension] = []
    ) {
        self.issuer = issuer
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.crlNumber = crlNumber
        self.revokedCertificates = revokedCertificates
        self.authorityKeyIdentifier = authorityKeyIdentifier
        self.issuingDistributionPoint = issuingDistributionPoint
        self.deltaCRLIndicator = deltaCRLIndicator
        self.additionalExtensions = additionalExtensions
    }

    /// Creates a builder whose issuer is `signer`'s subject and whose authorityKeyIdentifier is `signer`'s
    /// subjectKeyIdentifier (RFC 5280 §5.2.1).
    /// - Throws: ``CertificateRevocationError/Code/invalidExtension`` if the signer's SKI is malformed.
    public init(
        signer: Certificate,
        thisUpdate: Date,
        nextUpdate: Date,
        crlNumber: CRLNumber,
        revokedCertificates: [RevokedCertificate] = [],
        issuingDistributionPoint: IssuingDistributionPoint? = nil
    ) throws {
        let ski: SubjectKeyIdentifier?
        do {
            ski = try signer.extensions.subjectKeyIdentifier
        } catch {
            throw CertificateRevocationError(.invalidExtension, "signer subjectKeyIdentifier is malformed: \(error)")
        }
        self.init(
            issuer: signer.subject,
            thisUpdate: thisUpdate,
            nextUpdate: nextUpdate,
            crlNumber: crlNumber,
            revokedCertificates: revokedCertificates,
            authorityKeyIdentifier: ski.map { AuthorityKeyIdentifier(keyIdentifier: $0.keyIdentifier) },
            issuingDistributionPoint: issuingDistributionPoint
        )
    }

    /// Appends an entry.
    public mutating func revoke(_ entry: RevokedCertificate) {
        revokedCertificates.append(entry)
    }

    /// Encodes and signs the CRL.
    /// - Parameters:
    ///   - privateKey: The CRL issuer's key.
    ///   - signatureAlgorithm: The algorithm; by default ecdsa-with-SHA256 for P-256, -SHA384 for P-384,
    ///     -SHA512 for P-521, sha256WithRSAEncryption for RSA and Ed25519 for Ed25519 keys.
    /// - Returns: The signed CRL, decoded back from its own encoding.
    /// - Throws: ``CertificateRevocationError``.
    public func sign(
        with privateKey: Certificate.PrivateKey,
        signatureAlgorithm: Certificate.SignatureAlgorithm? = nil
    ) throws -> CertificateRevocationList {
        let algorithm = try CRLSignatureAlgorithm(signatureAlgorithm ?? privateKey.defaultCRLSignatureAlgorithm)
        let tbs = try encodeTBSCertList(algorithm: algorithm)
        let signature: Certificate.Signature
        do {
            signature = try privateKey.sign(bytes: tbs, signatureAlgorithm: algorithm.algorithm)
        } catch {
            throw CertificateRevocationError(.signingFailed, "\(error)")
        }
        var coder = DER.Serializer()
        do {
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                coder.serializeRawBytes(tbs)
                try coder.serialize(algorithm)
                try coder.serialize(ASN1BitString(bytes: signature.rawRepresentation[...]))
            }
        } catch {
            throw CertificateRevocationError(.signingFailed, "cannot encode CertificateList: \(error)")
        }
        return try CertificateRevocationList(derEncoded: coder.serializedBytes)
    }

    private func encodeTBSCertList(algorithm: CRLSignatureAlgorithm) throws -> [UInt8] {
        if revokedCertificates.contains(where: { $0.certificateIssuer != nil && $0.certificateIssuer != issuer }),
            issuingDistributionPoint?.indirectCRL != true
        {
            throw CertificateRevocationError(
                .invalidIssuingDistributionPoint,
                "entries naming another certificate issuer need an issuingDistributionPoint with indirectCRL (RFC 5280 §5.3.3)"
            )
        }
        let extensions = try crlExtensions()
        var encoder = try EntryEncoder(crlIssuer: issuer)
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(CertificateRevocationList.Version.v2.rawValue)
            try coder.serialize(algorithm)
            try coder.serialize(issuer)
            try CRLTime.serialize(thisUpdate, into: &coder)
            try CRLTime.serialize(nextUpdate, into: &coder)
            if !revokedCertificates.isEmpty {
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    for entry in revokedCertificates {
                        try encoder.encode(entry, into: &coder)
                    }
                }
            }
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                try coder.serializeSequenceOf(extensions)
            }
        }
        return coder.serializedBytes
    }

    private func crlExtensions() throws -> [Certificate.Extension] {
        var result: [Certificate.Extension] = []
        do {
            if let authorityKeyIdentifier {
                result.append(try Certificate.Extension(authorityKeyIdentifier, critical: false))
            }
            result.append(
                Certificate.Extension(oid: .CRLExtensionID.crlNumber, critical: false, value: try crlNumber.extensionValue()[...])
            )
            if let deltaCRLIndicator {
                result.append(
                    Certificate.Extension(
                        oid: .CRLExtensionID.deltaCRLIndicator,
                        critical: true,
                        value: try deltaCRLIndicator.extensionValue()[...]
                    )
                )
            }
            if let issuingDistributionPoint {
                result.append(try issuingDistributionPoint.makeCertificateExtension())
            }
            result.append(contentsOf: additionalExtensions)
            // Rejects duplicate OIDs (RFC 5280 §4.2).
            _ = try Certificate.Extensions(result)
        } catch let error as CertificateRevocationError {
            throw error
        } catch {
            throw CertificateRevocationError(.duplicateExtension, "\(error)")
        }
        return result
    }
}
