import Crypto

/// An EC P-256 public key as a JSON Web Key (RFC 7517 §4, RFC 7518 §6.2.1):
/// `{"crv":"P-256","kty":"EC","x":"<b64url>","y":"<b64url>"}`.
///
/// Only public P-256 keys are represented; a JWK carrying the private member `d` is rejected so
/// that a private key is never handled as a public one by accident.
public struct JSONWebKey: Hashable, Sendable {
    /// The `kty` value, `EC` (RFC 7518 §6.1).
    public static let keyType = "EC"
    /// The `crv` value, `P-256` (RFC 7518 §6.2.1.1).
    public static let curve = "P-256"

    /// The 32-byte big-endian x coordinate (RFC 7518 §6.2.1.2).
    public let x: [UInt8]
    /// The 32-byte big-endian y coordinate (RFC 7518 §6.2.1.3).
    public let y: [UInt8]

    /// Creates the JWK of a P-256 public key.
    public init(publicKey: P256.Signing.PublicKey) {
        let raw = Array(publicKey.rawRepresentation)
        x = Array(raw[..<32])
        y = Array(raw[32...])
    }

    /// Parses a JWK object (RFC 7517 §4); members other than `kty`, `crv`, `x`, `y` are ignored.
    ///
    /// - Throws: ``JOSEError/Code/malformedKey`` if the key is not an EC P-256 public key whose
    ///   coordinates are 32-byte base64url values naming a point on the curve, or if it has `d`.
    public init(jsonValue: JSONValue) throws(JOSEError) {
        guard let object = jsonValue.objectValue else {
            throw JOSEError(code: .malformedKey, reason: "JWK is a \(jsonValue.typeName), not an object")
        }
        guard object["kty"]?.stringValue == Self.keyType else {
            throw JOSEError(code: .malformedKey, reason: "JWK kty is not \"EC\"")
        }
        guard object["crv"]?.stringValue == Self.curve else {
            throw JOSEError(code: .malformedKey, reason: "JWK crv is not \"P-256\"")
        }
        guard !object.contains(name: "d") else {
            throw JOSEError(code: .malformedKey, reason: "JWK contains the private member d")
        }
        guard let xText = object["x"]?.stringValue, let yText = object["y"]?.stringValue else {
            throw JOSEError(code: .malformedKey, reason: "JWK lacks string members x and y")
        }
        let xBytes: [UInt8]
        let yBytes: [UInt8]
        do {
            xBytes = try Base64URL.decode(xText)
            yBytes = try Base64URL.decode(yText)
        } catch {
            throw JOSEError(code: .malformedKey, reason: "JWK coordinate: \(error.reason)")
        }
        try self.init(x: xBytes, y: yBytes)
    }

    /// Creates a JWK from coordinates, checking that they name a point on P-256.
    ///
    /// - Throws: ``JOSEError/Code/malformedKey`` for a wrong length or a point not on the curve.
    public init(x: [UInt8], y: [UInt8]) throws(JOSEError) {
        guard x.count == 32, y.count == 32 else {
            throw JOSEError(code: .malformedKey, reason: "P-256 coordinates must be 32 bytes each (RFC 7518 §6.2.1.2)")
        }
        do {
            _ = try P256.Signing.PublicKey(rawRepresentation: x + y)
        } catch {
            throw JOSEError(code: .malformedKey, reason: "coordinates are not a point on P-256")
        }
        self.x = x
        self.y = y
    }

    /// The public key.
    ///
    /// - Throws: ``JOSEError/Code/malformedKey`` (not expected: coordinates are checked at init).
    public func publicKey() throws(JOSEError) -> P256.Signing.PublicKey {
        do {
            return try P256.Signing.PublicKey(rawRepresentation: x + y)
        } catch {
            throw JOSEError(code: .malformedKey, reason: "coordinates are not a point on P-256")
        }
    }

    /// The JWK as a JSON object with its four required members.
    public var jsonValue: JSONValue {
        .object(JSONObject(sortedUniqueMembers: [
            .init("crv", .string(Self.curve)),
            .init("kty", .string(Self.keyType)),
            .init("x", .string(Base64URL.encode(x))),
            .init("y", .string(Base64URL.encode(y))),
        ]))
    }

    /// The RFC 7638 §3 thumbprint input: the required members, canonical JSON, UTF-8.
    public var thumbprintInput: [UInt8] {
        CanonicalJSON.encode(jsonValue)
    }

    /// The RFC 7638 §3 SHA-256 thumbprint (32 bytes).
    public func thumbprint() -> [UInt8] {
        Array(SHA256.hash(data: thumbprintInput))
    }

    /// The thumbprint as base64url text, as used by ACME key authorizations (RFC 8555 §8.1).
    public func thumbprintBase64URL() -> String {
        Base64URL.encode(thumbprint())
    }
}
