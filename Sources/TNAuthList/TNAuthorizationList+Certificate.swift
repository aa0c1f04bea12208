import SwiftASN1
import X509

extension TNAuthorizationList {
    /// Decodes the TNAuthList certificate extension (RFC 8226 §9).
    ///
    /// Criticality is not checked here: RFC 8226 does not fix it, and SHAKEN profile rules
    /// (non-critical, ATIS-1000080 §6.4.1) belong to profile linters.
    ///
    /// - Parameter ext: An extension with OID id-pe-TNAuthList.
    /// - Throws: ``TNAuthListError`` with code `unexpectedExtension` for another OID, or a decoding error.
    public init(_ ext: Certificate.Extension) throws {
        guard ext.oid == Self.oid else {
            throw TNAuthListError(.unexpectedExtension, "extension \(ext.oid) is not id-pe-TNAuthList")
        }
        try self.init(derEncoded: ext.value)
    }
}

extension Certificate.Extension {
    /// Wraps a TNAuthorizationList as a certificate extension with OID id-pe-TNAuthList (RFC 8226 §9).
    ///
    /// - Parameters:
    ///   - list: The list to encode.
    ///   - critical: The critical flag; SHAKEN certificates use `false` (ATIS-1000080 §6.4.1).
    /// - Throws: ``TNAuthListError`` with code `malformedDER` if serialization fails.
    public init(_ list: TNAuthorizationList, critical: Bool) throws {
        self.init(oid: TNAuthorizationList.oid, critical: critical, value: try list.derEncoded()[...])
    }
}

extension TNAuthorizationList: CertificateExtensionConvertible {
    /// A non-critical id-pe-TNAuthList extension, for `Certificate.Extensions { ... }` builders
    /// (RFC 8226 §9; non-critical per ATIS-1000080 §6.4.1).
    public func makeCertificateExtension() throws -> Certificate.Extension {
        try Certificate.Extension(self, critical: false)
    }
}

extension Certificate.Extensions {
    /// The decoded TNAuthList extension, or `nil` when the certificate has none (RFC 8226 §9).
    ///
    /// - Throws: ``TNAuthListError`` when the extension is present but malformed.
    public var tnAuthList: TNAuthorizationList? {
        get throws {
            guard let ext = self[oid: TNAuthorizationList.oid] else { return nil }
            return try TNAuthorizationList(ext)
        }
    }
}
