import TNAuthList
import X509

extension CertificateSigningRequest {
    /// Builds a PKCS #10 request for an STI certificate whose extensionRequest carries the TNAuthList
    /// and, optionally, basicConstraints (RFC 8226 §9, RFC 9448 §5; ATIS-1000092 §5.3.2 for cA=TRUE).
    ///
    /// - Parameters:
    ///   - subject: The requested subject name.
    ///   - privateKey: The subject key; it signs the request.
    ///   - tnAuthList: The requested scope.
    ///   - basicConstraints: The requested basicConstraints (cA=TRUE for an STI-SCA), or `nil`.
    /// - Returns: The signed request.
    /// - Throws: ``STIRCertificatesError`` `signingFailed` or `unsupportedKey`.
    public static func stiRequest(
        subject: DistinguishedName,
        privateKey: Certificate.PrivateKey,
        tnAuthList: TNAuthorizationList,
        basicConstraints: BasicConstraints? = nil
    ) throws -> CertificateSigningRequest {
        do {
            var extensions = Certificate.Extensions()
            try extensions.append(Certificate.Extension(tnAuthList, critical: false))
            if let basicConstraints {
                try extensions.append(Certificate.Extension(basicConstraints, critical: true))
            }
            let attribute = try CertificateSigningRequest.Attribute(ExtensionRequest(extensions: extensions))
            return try CertificateSigningRequest(
                version: .v1,
                subject: subject,
                privateKey: privateKey,
                attributes: CertificateSigningRequest.Attributes([attribute]),
                signatureAlgorithm: .ecdsaWithSHA256
            )
        } catch {
            throw STIRCertificatesError(.signingFailed, "cannot build the certificate signing request: \(error)")
        }
    }

    /// The TNAuthList requested in the extensionRequest attribute, or `nil` when none is requested.
    ///
    /// - Throws: ``STIRCertificatesError`` `malformedRequest` when the attribute or extension is malformed.
    public var requestedTNAuthList: TNAuthorizationList? {
        get throws {
            do {
                guard let extensions = try self.attributes.extensionRequest?.extensions else { return nil }
                return try extensions.tnAuthList
            } catch {
                throw STIRCertificatesError(.malformedRequest, "cannot read the requested TNAuthList: \(error)")
            }
        }
    }

    /// The basicConstraints requested in the extensionRequest attribute, or `nil` when none is requested.
    ///
    /// - Throws: ``STIRCertificatesError`` `malformedRequest` when the attribute or extension is malformed.
    public var requestedBasicConstraints: BasicConstraints? {
        get throws {
            do {
                guard let extensions = try self.attributes.extensionRequest?.extensions else { return nil }
                return try extensions.basicConstraints
            } catch {
                throw STIRCertificatesError(.malformedRequest, "cannot read the requested basicConstraints: \(error)")
            }
        }
    }
}
