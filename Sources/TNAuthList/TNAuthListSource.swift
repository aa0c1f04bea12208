import SwiftASN1
import X509

/// Where a certificate's TN authorization comes from (RFC 8226 §9 by value, §10 by reference).
public enum TNAuthListSource: Hashable, Sendable {
    /// The TNAuthList extension is present and decoded.
    case byValue(TNAuthorizationList)
    /// No TNAuthList extension, but the AIA extension names one or more id-ad-stirTNList URIs whose
    /// bodies are DER TNAuthorizationLists (`application/tnauthlist`, RFC 8226 §10.1).
    case byReference([String])
    /// Neither form is present.
    case absent
}

extension Certificate.Extensions {
    /// The URIs of the id-ad-stirTNList access descriptions in the Authority Information Access
    /// extension, in order (RFC 8226 §10.1). Empty when there is no AIA extension or no such entry.
    ///
    /// - Throws: A swift-certificates error when the AIA extension is malformed, or ``TNAuthListError``
    ///   with code `invalidURI` when an id-ad-stirTNList location is not a URI.
    public var tnAuthListReferences: [String] {
        get throws {
            guard let aia = try authorityInformationAccess else { return [] }
            var uris: [String] = []
            for description in aia
            where ASN1ObjectIdentifier(accessMethod: description.method) == TNAuthorizationList.stirTNListAccessMethod {
                guard case .uniformResourceIdentifier(let uri) = description.location else {
                    throw TNAuthListError(
                        .invalidURI,
                        "id-ad-stirTNList location is \(description.location), not a URI"
                    )
                }
                uris.append(uri)
            }
            return uris
        }
    }

    /// The TN authorization of the certificate: by value when the TNAuthList extension is present
    /// (it takes precedence), otherwise by reference when AIA lists id-ad-stirTNList URIs, otherwise
    /// absent (RFC 8226 §9, §10).
    ///
    /// - Throws: The errors of ``tnAuthList`` and ``tnAuthListReferences``.
    public var tnAuthListSource: TNAuthListSource {
        get throws {
            if let list = try tnAuthList {
                return .byValue(list)
            }
            let references = try tnAuthListReferences
            return references.isEmpty ? .absent : .byReference(references)
        }
    }
}
