import X509

/// The extension set of each STI profile, in the order they are written.
///
/// - root: BC critical cA=TRUE, KU critical keyCertSign, SKI (ATIS-1000080 v005 §6.4.1).
/// - intermediate: + AKI, CP, CRL DP (STI-PA CRL with cRLIssuer).
/// - endEntity: BC critical cA=FALSE, KU critical digitalSignature, SKI, AKI, CP, CRL DP, TNAuthList.
/// - subordinateCA: BC critical cA=TRUE, KU critical keyCertSign+cRLSign, SKI, AKI, CP, CRL DP to the STI-PA
///   CRL with cRLIssuer, TNAuthList (ATIS-1000092 §5.3.2).
/// - delegateEndEntity / delegateCA: as endEntity / subordinateCA but the CRL DP names the issuing CA's own
///   CRL (direct, no cRLIssuer), plus optional JWT claim constraints (ATIS-1000092 §5.3.6, RFC 9060 §4).
enum STICertificateExtensionSet {
    static func make(
        for request: STICertificateRequest,
        authorityKeyIdentifier: ArraySlice<UInt8>?
    ) throws -> Certificate.Extensions {
        let profile = request.profile
        var extensions = Certificate.Extensions()
        let constraints: BasicConstraints =
            profile.isCertificateAuthority
            ? .isCertificateAuthority(maxPathLength: request.maxPathLength) : .notCertificateAuthority
        try extensions.append(Certificate.Extension(constraints, critical: true))
        try extensions.append(Certificate.Extension(Self.keyUsage(for: profile), critical: true))
        try extensions.append(
            Certificate.Extension(SubjectKeyIdentifier(hash: request.publicKey), critical: false)
        )
        if let authorityKeyIdentifier {
            try extensions.append(
                Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier), critical: false)
            )
        }
        guard profile != .root else { return extensions }

        try extensions.append(Certificate.Extension(CertificatePolicies(identifiers: [request.policy]), critical: false))
        guard let url = request.crlDistributionPointURL else {
            throw STIRCertificatesError(.invalidExtensionValue, "a \(profile) certificate needs a CRL distribution point URL")
        }
        let point = try DistributionPoint(url: url, crlIssuer: request.crlIssuer)
        try extensions.append(Certificate.Extension(CRLDistributionPoints([point]), critical: false))
        guard profile.carriesTNAuthList else { return extensions }

        guard let list = request.tnAuthList else {
            throw STIRCertificatesError(.invalidExtensionValue, "a \(profile) certificate needs a TNAuthList")
        }
        try extensions.append(Certificate.Extension(list, critical: false))
        if let constraints = request.jwtClaimConstraints {
            try extensions.append(Certificate.Extension(constraints, critical: false))
        }
        if let constraints = request.enhancedJWTClaimConstraints {
            try extensions.append(Certificate.Extension(constraints, critical: false))
        }
        return extensions
    }

    static func keyUsage(for profile: STICertificateProfile) -> KeyUsage {
        switch profile {
        case .root, .intermediate: KeyUsage(keyCertSign: true)
        case .subordinateCA, .delegateCA: KeyUsage(keyCertSign: true, cRLSign: true)
        case .endEntity, .delegateEndEntity: KeyUsage(digitalSignature: true)
        }
    }
}
