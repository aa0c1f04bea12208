import SwiftASN1
import X509

/// Encodes revoked-certificate entries (RFC 5280 §5.1.2.6, §5.3), tracking the effective certificate issuer so a
/// certificateIssuer extension is written only where it changes (RFC 5280 §5.3.3).
struct EntryEncoder {
    private let crlIssuer: DistinguishedName
    /// DER values of the reasonCode extension, indexed by reason code.
    private let reasonValues: [ArraySlice<UInt8>]
    /// The effective issuer of the previous entry; `nil` is the CRL issuer.
    private var currentIssuer: DistinguishedName?

    init(crlIssuer: DistinguishedName) throws {
        self.crlIssuer = crlIssuer
        var values = [ArraySlice<UInt8>](repeating: [], count: 11)
        for reason in RevocationReason.allCases {
            values[reason.rawValue] = try reason.reasonCodeExtensionValue()[...]
        }
        self.reasonValues = values
    }

    mutating func encode(_ entry: RevokedCertificate, into coder: inout DER.Serializer) throws {
        let wantedIssuer = entry.certificateIssuer == crlIssuer ? nil : entry.certificateIssuer
        let issuerChanged = wantedIssuer != currentIssuer
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(entry.serialNumber.bytes)
            try CRLTime.serialize(entry.revocationDate, into: &coder)
            guard entry.reason != nil || entry.invalidityDate != nil || issuerChanged else {
                return
            }
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                if let reason = entry.reason {
                    try coder.serialize(
                        Certificate.Extension(oid: .CRLExtensionID.reasonCode, critical: false, value: reasonValues[reason.rawValue])
                    )
                }
                if let invalidityDate = entry.invalidityDate {
                    var value = DER.Serializer()
                    try value.serialize(CRLTime.generalizedTime(invalidityDate))
                    try coder.serialize(
                        Certificate.Extension(
                            oid: .CRLExtensionID.invalidityDate,
                            critical: false,
                            value: value.serializedBytes[...]
                        )
                    )
                }
                if issuerChanged {
                    var value = DER.Serializer()
                    try value.serializeSequenceOf([GeneralName.directoryName(wantedIssuer ?? crlIssuer)])
                    try coder.serialize(
                        Certificate.Extension(
                            oid: .CRLExtensionID.certificateIssuer,
                            critical: true,
                            value: value.serializedBytes[...]
                        )
                    )
                }
            }
        }
        currentIssuer = wantedIssuer
    }
}
