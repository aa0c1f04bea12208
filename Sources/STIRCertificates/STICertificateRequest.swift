import Foundation
import SwiftASN1
import TNAuthList
import X509

/// What to put in a certificate issued by ``STICertificateBuilder`` (ATIS-1000080 v005 §6.4.1,
/// ATIS-1000092 §5.3.6, RFC 9060 §4).
public struct STICertificateRequest: Sendable {
    /// The profile to issue under; decides the extension set.
    public var profile: STICertificateProfile
    /// The subject name (see ``X509/DistinguishedName/shaken(commonName:organization:country:)``).
    public var subject: DistinguishedName
    /// The subject's public key (P-256).
    public var publicKey: Certificate.PublicKey
    /// The TNAuthList, required by every profile except root and intermediate.
    public var tnAuthList: TNAuthorizationList?
    /// The serial number; `nil` draws one from the builder's random number generator.
    public var serialNumber: Certificate.SerialNumber?
    /// Start of the validity window.
    public var notValidBefore: Date
    /// End of the validity window.
    public var notValidAfter: Date
    /// The CRL URL for the CRL distribution point (all profiles except root).
    public var crlDistributionPointURL: String?
    /// The DN of the CRL issuer when the CRL is indirect (the STI-PA CRL); `nil` for a direct CRL.
    public var crlIssuer: DistinguishedName?
    /// The SHAKEN certificate policy OID (all profiles except root).
    public var policy: ASN1ObjectIdentifier
    /// The basicConstraints pathLenConstraint for CA profiles.
    public var maxPathLength: Int?
    /// Optional JWT claim constraints for delegate certificates (RFC 8226 §8).
    public var jwtClaimConstraints: JWTClaimConstraints?
    /// Optional enhanced JWT claim constraints for delegate certificates (RFC 9118 §3).
    public var enhancedJWTClaimConstraints: EnhancedJWTClaimConstraints?

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - profile: The profile to issue under.
    ///   - subject: The subject name.
    ///   - publicKey: The subject's public key.
    ///   - tnAuthList: The TNAuthList (omit for root and intermediate).
    ///   - serialNumber: A caller-chosen serial, or `nil` to draw one.
    ///   - notValidBefore: Start of validity.
    ///   - notValidAfter: End of validity.
    ///   - crlDistributionPointURL: The CRL URL (omit for root).
    ///   - crlIssuer: The indirect CRL issuer DN, or `nil` for a direct CRL.
    ///   - policy: The SHAKEN CP OID; defaults to CP v1.4.
    ///   - maxPathLength: The pathLenConstraint for CA profiles.
    ///   - jwtClaimConstraints: RFC 8226 claim constraints (delegate profiles).
    ///   - enhancedJWTClaimConstraints: RFC 9118 claim constraints (delegate profiles).
    public init(
        profile: STICertificateProfile,
        subject: DistinguishedName,
        publicKey: Certificate.PublicKey,
        tnAuthList: TNAuthorizationList? = nil,
        serialNumber: Certificate.SerialNumber? = nil,
        notValidBefore: Date,
        notValidAfter: Date,
        crlDistributionPointURL: String? = nil,
        crlIssuer: DistinguishedName? = nil,
        policy: ASN1ObjectIdentifier = SHAKENPolicy.v1_4,
        maxPathLength: Int? = nil,
        jwtClaimConstraints: JWTClaimConstraints? = nil,
        enhancedJWTClaimConstraints: EnhancedJWTClaimConstraints? = nil
    ) {
        self.profile = profile
        self.subject = subject
        self.publicKey = publicKey
        self.tnAuthList = tnAuthList
        self.serialNumber = serialNumber
        self.notValidBefore = notValidBefore
        self.notValidAfter = notValidAfter
        self.crlDistributionPointURL = crlDistributionPointURL
        self.crlIssuer = crlIssuer
        self.policy = policy
        self.maxPathLength = maxPathLength
        self.jwtClaimConstraints = jwtClaimConstraints
        self.enhancedJWTClaimConstraints = enhancedJWTClaimConstraints
    }
}
