import CertificateRevocation
import Foundation
import TNAuthList
import X509

/// A SHAKEN certificate chain that ``STIChainVerifier`` validated (RFC 5280 §6, ATIS-1000080 §6.4.1,
/// RFC 9060 §4, ATIS-1000092 §6.2).
///
/// Only ``STIChainVerifier`` creates values of this type, so holding one means the checks ran.
public struct ValidatedSTIChain: Sendable {
    /// The chain from the leaf (index 0) to the trust anchor (last).
    public let chain: [Certificate]
    /// The profile the leaf was issued under (`endEntity` or `delegateEndEntity`).
    public let leafProfile: STICertificateProfile
    /// The leaf's TNAuthList scope: what the leaf may sign for (RFC 8226 §9).
    public let leafScope: TNScope
    /// The encompassing verdict for every link where child and parent carry a TNAuthList,
    /// leaf side first (RFC 9060 §4).
    public let links: [ScopeLinkResult]
    /// The revocation status of every certificate except the anchor, in chain order. Each is
    /// `.good` when revocation was checked; `.unknown` for all when ``isRevocationChecked`` is `false`.
    public let revocation: [RevocationStatus]
    /// Whether revocation was checked (``RevocationRequirement/required``).
    public let isRevocationChecked: Bool
    /// The leaf's JWT claim constraints (RFC 8226 §8) and enhanced JWT claim constraints (RFC 9118 §3),
    /// which the PASSporT layer must enforce.
    public let claimConstraints: (jwt: JWTClaimConstraints?, enhanced: EnhancedJWTClaimConstraints?)
    /// The earliest notAfter in the chain: no cached verdict may outlive it (security notes §3.4).
    public let notAfter: Date
    /// Links accepted in lenient mode although the child's numbers could not be proven to lie under
    /// the parent's SPC (ATIS-1000092 §6.2); each has an `Encompassing.unprovable` verdict.
    public let unprovableScopes: [ScopeLinkResult]

    /// The leaf certificate.
    public var leaf: Certificate {
        chain[0]
    }

    /// The trust anchor the chain ends at.
    public var anchor: Certificate {
        chain[chain.count - 1]
    }

    /// Whether the leaf is a delegate certificate (ATIS-1000092 Figure 6.1, as reconstructed by
    /// ``STICertificateProfile/classify(_:issuer:)``).
    public var isDelegate: Bool {
        leafProfile == .delegateEndEntity
    }

    init(
        chain: [Certificate],
        leafProfile: STICertificateProfile,
        leafScope: TNScope,
        links: [ScopeLinkResult],
        revocation: [RevocationStatus],
        isRevocationChecked: Bool,
        claimConstraints: (jwt: JWTClaimConstraints?, enhanced: EnhancedJWTClaimConstraints?),
        notAfter: Date,
        unprovableScopes: [ScopeLinkResult]
    ) {
        self.chain = chain
        self.leafProfile = leafProfile
        self.leafScope = leafScope
        self.links = links
        self.revocation = revocation
        self.isRevocationChecked = isRevocationChecked
        self.claimConstraints = claimConstraints
        self.notAfter = notAfter
        self.unprovableScopes = unprovableScopes
    }
}
