import SwiftASN1
import X509

/// The wire form of an `AlgorithmIdentifier` naming a signature algorithm (RFC 5280 §4.1.1.2, §5.1.1.2).
///
/// ```asn1
/// AlgorithmIdentifier  ::=  SEQUENCE  {
///      algorithm               OBJECT IDENTIFIER,
///      parameters              ANY DEFINED BY algorithm OPTIONAL  }
/// ```
///
/// `Certificate.SignatureAlgorithm` has no public DER coding, so this maps the algorithms swift-certificates can
/// verify to and from their identifiers: ECDSA with SHA-2 (RFC 5758 §3.2, parameters absent), RSA PKCS #1 v1.5
/// (RFC 4055 §5, parameters NULL, absence tolerated) and Ed25519 (RFC 8410 §3, parameters absent).
struct CRLSignatureAlgorithm: DERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    private static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]
    private static let ecdsaWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 3]
    private static let ecdsaWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 4]
    private static let sha1WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 5]
    private static let sha256WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 11]
    private static let sha384WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 12]
    private static let sha512WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 13]
    private static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]

    private static let table: [(ASN1ObjectIdentifier, Certificate.SignatureAlgorithm, usesNullParameters: Bool)] = [
        (ecdsaWithSHA256, .ecdsaWithSHA256, false),
        (ecdsaWithSHA384, .ecdsaWithSHA384, false),
        (ecdsaWithSHA512, .ecdsaWithSHA512, false),
        (sha1WithRSAEncryption, .sha1WithRSAEncryption, true),
        (sha256WithRSAEncryption, .sha256WithRSAEncryption, true),
        (sha384WithRSAEncryption, .sha384WithRSAEncryption, true),
        (sha512WithRSAEncryption, .sha512WithRSAEncryption, true),
        (ed25519, .ed25519, false),
    ]

    /// The algorithm in swift-certificates' terms.
    let algorithm: Certificate.SignatureAlgorithm

    init(_ algorithm: Certificate.SignatureAlgorithm) throws {
        guard Self.table.contains(where: { $0.1 == algorithm }) else {
            throw CertificateRevocationError(.unsupportedSignatureAlgorithm, "cannot encode \(algorithm)")
        }
        self.algorithm = algorithm
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let (oid, parameters) = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let parameters = nodes.next()
            return (oid, parameters)
        }
        guard let entry = Self.table.first(where: { $0.0 == oid }) else {
            throw CertificateRevocationError(.unsupportedSignatureAlgorithm, "unsupported signature algorithm \(oid)")
        }
        if let parameters {
            guard entry.usesNullParameters, (try? ASN1Null(derEncoded: parameters)) != nil else {
                throw CertificateRevocationError(
                    .unsupportedSignatureAlgorithm,
                    "unexpected parameters for signature algorithm \(oid)"
                )
            }
        }
        self.algorithm = entry.1
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        guard let entry = Self.table.first(where: { $0.1 == algorithm }) else {
            throw CertificateRevocationError(.unsupportedSignatureAlgorithm, "cannot encode \(algorithm)")
        }
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(entry.0)
            if entry.usesNullParameters {
                try coder.serialize(ASN1Null())
            }
        }
    }
}
