/// A JWS in flattened JSON serialization, `{"protected":…,"payload":…,"signature":…}`
/// (RFC 7515 §7.2.2), as ACME requests carry it (RFC 8555 §6.2).
///
/// The object is parsed strictly (duplicate member names are rejected, RFC 7515 §5.2) and the
/// received base64url text of each member is kept: the signing input is
/// `protected "." payload` exactly as received (RFC 7515 §5.2 step 8), never a re-encoding. An
/// empty `payload` is allowed; ACME uses it for POST-as-GET (RFC 8555 §6.3). The general
/// serialization (`signatures`) and unknown members are rejected; an unprotected `header` is kept
/// for the caller to refuse (RFC 8555 §6.2 forbids it).
public struct FlattenedJWS: Hashable, Sendable {
    /// The received base64url text of the protected header.
    public let encodedProtected: String
    /// The received base64url text of the payload; empty for an empty payload.
    public let encodedPayload: String
    /// The received base64url text of the signature.
    public let encodedSignature: String
    /// The decoded protected header (UTF-8 JSON, not yet parsed).
    public let protectedHeader: [UInt8]
    /// The decoded payload; empty for an empty payload.
    public let payload: [UInt8]
    /// The decoded signature.
    public let signature: [UInt8]
    /// The unprotected `header` member, if the sender included one (RFC 7515 §7.2.1).
    public let unprotectedHeader: JSONObject?

    /// Parses a flattened JWS from the bytes of its JSON text.
    ///
    /// - Parameters:
    ///   - bytes: the JSON text.
    ///   - maximumLength: the largest accepted input, in bytes.
    /// - Throws: ``JOSEError/Code/tooLarge``, ``JOSEError/Code/malformedJSON``,
    ///   ``JOSEError/Code/duplicateKey``, ``JOSEError/Code/malformedJWS`` (not an object, a member
    ///   missing, not a string, the general serialization, an unknown member, an empty protected
    ///   header or signature) or ``JOSEError/Code/malformedBase64URL``.
    public init(bytes: some Collection<UInt8>, maximumLength: Int = 65_536) throws(JOSEError) {
        guard bytes.count <= maximumLength else {
            throw JOSEError(code: .tooLarge, reason: "flattened JWS of \(bytes.count) bytes exceeds \(maximumLength)")
        }
        let value = try StrictJSONParser(maximumBytes: maximumLength, maximumDepth: 16).parse(bytes)
        try self.init(jsonValue: value)
    }

    /// Reads a flattened JWS from a parsed JSON value, e.g. the payload of an ACME key-change
    /// request that carries an inner JWS (RFC 8555 §7.3.5).
    ///
    /// - Throws: as ``init(bytes:maximumLength:)``.
    public init(jsonValue: JSONValue) throws(JOSEError) {
        guard let object = jsonValue.objectValue else {
            throw JOSEError(code: .malformedJWS, reason: "flattened JWS is a JSON \(jsonValue.typeName), not an object")
        }
        guard !object.contains(name: "signatures") else {
            throw JOSEError(code: .malformedJWS, reason: "general JWS serialization (signatures) is not accepted")
        }
        for name in object.names where !Self.memberNames.contains(name) {
            throw JOSEError(code: .malformedJWS, reason: "unknown flattened JWS member \"\(name)\"")
        }
        encodedProtected = try Self.member(object, "protected")
        encodedPayload = try Self.member(object, "payload")
        encodedSignature = try Self.member(object, "signature")
        guard !encodedProtected.isEmpty else {
            throw JOSEError(code: .malformedJWS, reason: "empty protected header")
        }
        guard !encodedSignature.isEmpty else {
            throw JOSEError(code: .malformedJWS, reason: "empty signature")
        }
        if let header = object["header"] {
            guard let headerObject = header.objectValue else {
                throw JOSEError(code: .malformedJWS, reason: "header is a \(header.typeName), not an object")
            }
            unprotectedHeader = headerObject
        } else {
            unprotectedHeader = nil
        }
        protectedHeader = try Base64URL.decode(encodedProtected)
        payload = try Base64URL.decode(encodedPayload)
        signature = try Base64URL.decode(encodedSignature)
    }

    private static let memberNames: Set<String> = ["protected", "payload", "signature", "header"]

    private static func member(_ object: JSONObject, _ name: String) throws(JOSEError) -> String {
        guard let value = object[name] else {
            throw JOSEError(code: .malformedJWS, reason: "flattened JWS has no \(name)")
        }
        guard let text = value.stringValue else {
            throw JOSEError(code: .malformedJWS, reason: "\(name) is a \(value.typeName), not a string")
        }
        return text
    }

    /// The received `protected "." payload` bytes (RFC 7515 §5.2 step 8).
    public var signingInput: [UInt8] {
        var input = Array(encodedProtected.utf8)
        input.append(UInt8(ascii: "."))
        input.append(contentsOf: encodedPayload.utf8)
        return input
    }

    /// Whether the payload is empty: an ACME POST-as-GET (RFC 8555 §6.3).
    public var hasEmptyPayload: Bool { encodedPayload.isEmpty }

    /// The serialization as a JSON object with the three members.
    public var jsonValue: JSONValue {
        var members: [JSONObject.Member] = []
        if let unprotectedHeader {
            members.append(.init("header", .object(unprotectedHeader)))
        }
        members += [
            .init("payload", .string(encodedPayload)),
            .init("protected", .string(encodedProtected)),
            .init("signature", .string(encodedSignature)),
        ]
        return .object(JSONObject(sortedUniqueMembers: members))
    }

    /// The serialization as canonical JSON bytes.
    public var serialized: [UInt8] { CanonicalJSON.encode(jsonValue) }
}
