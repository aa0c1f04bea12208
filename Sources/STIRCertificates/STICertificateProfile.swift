/// The STI certificate kinds of the SHAKEN PKI including delegation (ATIS-1000080 v005 §6.4.1,
/// ATIS-1000092, RFC 9060 §4).
public enum STICertificateProfile: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// A SHAKEN trust anchor (STI-CA root): self-signed, cA=TRUE, no TNAuthList (ATIS-1000080 v005 §6.4.1).
    case root
    /// An STI-CA intermediate: cA=TRUE, no TNAuthList (ATIS-1000080 v005 §6.4.1).
    case intermediate
    /// A SHAKEN service-provider end-entity certificate: TNAuthList with exactly one SPC (ATIS-1000080 v005 §6.4.1).
    case endEntity
    /// An STI-SCA's CA certificate issued by an STI-CA: cA=TRUE plus a TNAuthList (ATIS-1000092 §5.3.2).
    case subordinateCA
    /// A delegate end-entity certificate issued by an STI-SCA or delegate CA: TNAuthList of TNs/ranges
    /// (ATIS-1000092 §5.3.6, RFC 9060 §4).
    case delegateEndEntity
    /// A sub-delegating CA certificate issued under a TNAuthList-bearing CA (RFC 9060 §4).
    case delegateCA

    /// Whether certificates of this profile assert cA=TRUE.
    public var isCertificateAuthority: Bool {
        switch self {
        case .root, .intermediate, .subordinateCA, .delegateCA: true
        case .endEntity, .delegateEndEntity: false
        }
    }

    /// Whether certificates of this profile carry a TNAuthList.
    public var carriesTNAuthList: Bool {
        switch self {
        case .root, .intermediate: false
        case .endEntity, .subordinateCA, .delegateEndEntity, .delegateCA: true
        }
    }

    /// Whether the issuer of this profile is a TNAuthList-bearing CA (an RFC 9060 delegation link).
    public var isDelegated: Bool {
        switch self {
        case .delegateEndEntity, .delegateCA: true
        case .root, .intermediate, .endEntity, .subordinateCA: false
        }
    }

    /// The raw name, e.g. `delegateEndEntity`.
    public var description: String {
        self.rawValue
    }
}
