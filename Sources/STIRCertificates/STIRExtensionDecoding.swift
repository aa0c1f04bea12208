import SwiftASN1
import X509

/// Shared plumbing for the extension decoders of this module: OID check, DER decode with a
/// module error, and DER encode.
enum STIRExtensionDecoding {
    /// Throws `unexpectedExtensionOID` unless `ext` has OID `oid`.
    static func expect(_ ext: Certificate.Extension, _ oid: ASN1ObjectIdentifier, name: String) throws {
        guard ext.oid == oid else {
            throw STIRCertificatesError(.unexpectedExtensionOID, "expected \(name) (\(oid)), got \(ext.oid)")
        }
    }

    /// Decodes `bytes` as one complete DER value of type `T`.
    static func decode<T: DERParseable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        do {
            return try T(derEncoded: bytes)
        } catch let error as STIRCertificatesError {
            throw error
        } catch {
            throw STIRCertificatesError(.malformedExtension, "\(T.self): \(error)")
        }
    }

    /// Serializes `value` as DER.
    static func encode<T: DERSerializable>(_ value: T) throws -> [UInt8] {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(value)
        } catch {
            throw STIRCertificatesError(.malformedExtension, "cannot encode \(T.self): \(error)")
        }
        return serializer.serializedBytes
    }
}
