import SwiftASN1

/// The reason a certificate was revoked, carried in the `reasonCode` CRL entry extension (RFC 5280 §5.3.1).
///
/// ```asn1
/// id-ce-cRLReasons OBJECT IDENTIFIER ::= { id-ce 21 }
///
/// -- reasonCode ::= { CRLReason }
/// CRLReason ::= ENUMERATED {
///      unspecified             (0),
///      keyCompromise           (1),
///      cACompromise            (2),
///      affiliationChanged      (3),
///      superseded              (4),
///      cessationOfOperation    (5),
///      certificateHold         (6),
///           -- value 7 is not used
///      removeFromCRL           (8),
///      privilegeWithdrawn      (9),
///      aACompromise           (10) }
/// ```
public enum RevocationReason: Int, Hashable, Sendable, CaseIterable {
    /// No specific reason (RFC 5280 §5.3.1 says this value SHOULD be omitted rather than encoded).
    case unspecified = 0
    /// The subject's private key is known or suspected to be compromised.
    case keyCompromise = 1
    /// The issuing CA's private key is known or suspected to be compromised.
    case cACompromise = 2
    /// The subject's name or other information changed.
    case affiliationChanged = 3
    /// The certificate was replaced.
    case superseded = 4
    /// The certificate is no longer needed.
    case cessationOfOperation = 5
    /// The certificate is temporarily on hold.
    case certificateHold = 6
    /// Used only in delta CRLs to undo a hold (RFC 5280 §5.3.1).
    case removeFromCRL = 8
    /// A privilege in the certificate was withdrawn.
    case privilegeWithdrawn = 9
    /// An attribute authority was compromised.
    case aACompromise = 10
}

extension RevocationReason {
    /// Decodes the DER value of a `reasonCode` extension: an ENUMERATED (RFC 5280 §5.3.1).
    init(reasonCodeExtensionValue value: ArraySlice<UInt8>) throws {
        // Fast path: compare against the canonical encodings, which CRLs with a million entries repeat.
        if let index = Self.canonicalEncodings.firstIndex(where: { $0.elementsEqual(value) }),
            let reason = RevocationReason(rawValue: index)
        {
            self = reason
            return
        }
        let raw: Int
        do {
            raw = try Int(derEncoded: DER.parse(value), withIdentifier: .enumerated)
        } catch {
            throw CertificateRevocationError(.invalidRevocationReason, "reasonCode is not a DER ENUMERATED: \(error)")
        }
        guard let reason = RevocationReason(rawValue: raw) else {
            throw CertificateRevocationError(.invalidRevocationReason, "reasonCode \(raw) is not assigned")
        }
        self = reason
    }

    /// DER encodings of the ENUMERATED values 0...10 produced by ``reasonCodeExtensionValue()``; index 7 is unused.
    private static let canonicalEncodings: [[UInt8]] = (0...10).map { raw in
        var serializer = DER.Serializer()
        // Serializing a small Int with an explicit identifier cannot fail; an empty result simply never matches.
        guard (try? raw.serialize(into: &serializer, withIdentifier: .enumerated)) != nil, raw != 7 else {
            return []
        }
        return serializer.serializedBytes
    }

    /// The DER value of a `reasonCode` extension for this reason (an ENUMERATED, RFC 5280 §5.3.1).
    func reasonCodeExtensionValue() throws -> [UInt8] {
        var serializer = DER.Serializer()
        try rawValue.serialize(into: &serializer, withIdentifier: .enumerated)
        return serializer.serializedBytes
    }
}
