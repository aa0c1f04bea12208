import Foundation
import SwiftASN1
import X509

/// What a SHAKEN verifier trusts and how strict it is (ATIS-1000080 §6.3.4 trust anchors and CRL;
/// RFC 9060 §4 scope; RFC 5280 §6).
public struct STITrustConfiguration: Sendable {
    /// The trust anchors: the STI-CA roots on the STI-PA trust list. Used as configured; their
    /// validity period is still checked (RFC 5280 §6.1 as applied by swift-certificates).
    public var trustAnchors: [Certificate]

    /// Certificates of the STI-PA CRL signers for indirect CRLs (spec digest §4.6). They are trusted
    /// as configured, like anchors; one is used for a certificate only when its subject is a
    /// `cRLIssuer` named in that certificate's CRL distribution points and the validation time is
    /// inside its validity period.
    public var crlSigners: [Certificate]

    /// The SHAKEN certificate policies accepted in the leaf's certificatePolicies
    /// (ATIS-1000080 §6.4.1; default CP v1.1, v1.3 and v1.4).
    public var acceptedPolicies: Set<ASN1ObjectIdentifier>

    /// Whether revocation must be established; see ``RevocationRequirement``.
    public var revocation: RevocationRequirement

    /// Where CRLs come from when ``revocation`` is ``RevocationRequirement/required``.
    public var crlSource: any CRLSource

    /// How SPC-only parents of number-listing children are judged; see ``EncompassingMode``.
    public var encompassing: EncompassingMode

    /// How long after a CRL's `nextUpdate` it is still used (security notes §3.5; default one hour).
    public var crlGrace: TimeInterval

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - trustAnchors: The STI-CA root certificates.
    ///   - crlSigners: The STI-PA CRL signer certificates for indirect CRLs.
    ///   - acceptedPolicies: The accepted SHAKEN CP OIDs.
    ///   - revocation: The revocation requirement; ``RevocationRequirement/required`` unless you build an offline tool.
    ///   - crlSource: The CRL source; an empty ``StaticCRLSource`` makes every status unknown.
    ///   - encompassing: The encompassing mode.
    ///   - crlGrace: Seconds a CRL stays usable after `nextUpdate`; negative values count as zero.
    public init(
        trustAnchors: [Certificate],
        crlSigners: [Certificate] = [],
        acceptedPolicies: Set<ASN1ObjectIdentifier> = SHAKENPolicy.allVersions,
        revocation: RevocationRequirement = .required,
        crlSource: any CRLSource = StaticCRLSource(),
        encompassing: EncompassingMode = .lenient,
        crlGrace: TimeInterval = 3600
    ) {
        self.trustAnchors = trustAnchors
        self.crlSigners = crlSigners
        self.acceptedPolicies = acceptedPolicies
        self.revocation = revocation
        self.crlSource = crlSource
        self.encompassing = encompassing
        self.crlGrace = crlGrace
    }
}
