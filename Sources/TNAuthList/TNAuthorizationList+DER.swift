import SwiftASN1

// TNAuthorizationList ::= SEQUENCE SIZE (1..MAX) OF TNEntry

extension TNAuthorizationList: DERImplicitlyTaggable {
    /// SEQUENCE.
    public static var defaultIdentifier: ASN1Identifier {
        .sequence
    }

    /// Decodes a TNAuthorizationList node (RFC 8226 §9).
    ///
    /// - Throws: ``TNAuthListError``; swift-asn1 errors are reported as `malformedDER`.
    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let entries = try Self.mappingErrors {
            try DER.sequence(of: TNEntry.self, identifier: identifier, rootNode: rootNode)
        }
        try self.init(entries)
    }

    /// Encodes the list (RFC 8226 §9).
    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            for entry in entries {
                try coder.serialize(entry)
            }
        }
    }

    /// The DER encoding of the list (RFC 8226 §9).
    ///
    /// - Throws: ``TNAuthListError`` with code `malformedDER` if serialization fails.
    public func derEncoded() throws -> [UInt8] {
        var coder = DER.Serializer()
        try Self.mappingErrors { try coder.serialize(self) }
        return coder.serializedBytes
    }

    /// Runs `body`, passing ``TNAuthListError`` through and reporting any other error as `malformedDER`.
    static func mappingErrors<T>(_ body: () throws -> T) throws(TNAuthListError) -> T {
        do {
            return try body()
        } catch let error as TNAuthListError {
            throw error
        } catch {
            throw TNAuthListError(.malformedDER, "\(error)")
        }
    }
}

extension TNAuthorizationList {
    /// Decodes DER bytes holding exactly one TNAuthorizationList and nothing after it (RFC 8226 §9).
    ///
    /// - Parameter derEncoded: The DER bytes, e.g. a certificate extension value or an
    ///   `application/tnauthlist` body (RFC 8226 §10).
    /// - Throws: ``TNAuthListError``; swift-asn1 errors are reported as `malformedDER`.
    public init(derEncoded: [UInt8]) throws {
        try self.init(derEncoded: derEncoded[...])
    }

    /// Decodes DER bytes holding exactly one TNAuthorizationList and nothing after it (RFC 8226 §9).
    ///
    /// - Parameter derEncoded: The DER bytes.
    /// - Throws: ``TNAuthListError``; swift-asn1 errors are reported as `malformedDER`.
    public init(derEncoded: ArraySlice<UInt8>) throws {
        let node = try Self.mappingErrors { try DER.parse(derEncoded) }
        try self.init(derEncoded: node, withIdentifier: Self.defaultIdentifier)
    }
}
