/// A strict JSON parser (RFC 8259) for untrusted JOSE input.
///
/// Unlike a general-purpose decoder it rejects every input on which two parsers could disagree
/// (the "parser differential" class of JWS attacks):
/// - duplicate member names at any depth (RFC 7515 §5.2, RFC 8259 §4 leaves them undefined);
/// - nesting deeper than ``maximumDepth``, input longer than ``maximumBytes``;
/// - a leading byte order mark (RFC 8259 §8.1), trailing data after the value;
/// - invalid UTF-8, unescaped control characters, lone UTF-16 surrogates in `\u` escapes;
/// - number forms outside the RFC 8259 §6 grammar (leading zeros, `+`, `.5`, `1.`).
public struct StrictJSONParser: Sendable {
    /// The largest accepted input, in bytes.
    public var maximumBytes: Int
    /// The deepest accepted nesting of arrays and objects; a top-level object is depth 1.
    public var maximumDepth: Int

    /// Creates a parser with the given limits.
    ///
    /// - Parameters:
    ///   - maximumBytes: the largest accepted input (default 64 KiB, far above any PASSporT).
    ///   - maximumDepth: the deepest accepted nesting (default 32).
    public init(maximumBytes: Int = 65_536, maximumDepth: Int = 32) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON text (RFC 8259 §2) from UTF-8 bytes.
    ///
    /// - Throws: ``JOSEError`` with code ``JOSEError/Code/tooLarge``, ``JOSEError/Code/malformedJSON``,
    ///   ``JOSEError/Code/duplicateKey`` or ``JOSEError/Code/nestingTooDeep``.
    public func parse(_ bytes: some Collection<UInt8>) throws(JOSEError) -> JSONValue {
        if let result = bytes.withContiguousStorageIfAvailable({ parseResult($0) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { parseResult($0) }.get()
    }

    /// Parses one JSON text that must be an object, as JWS headers and JWT claim sets are
    /// (RFC 7515 §4, RFC 7519 §7.2).
    ///
    /// - Throws: as ``parse(_:)-(Collection<UInt8>)``, and ``JOSEError/Code/malformedJSON`` for
    ///   another JSON type.
    public func parseObject(_ bytes: some Collection<UInt8>) throws(JOSEError) -> JSONObject {
        let value = try parse(bytes)
        guard let object = value.objectValue else {
            throw JOSEError(code: .malformedJSON, reason: "a JSON \(value.typeName), not an object")
        }
        return object
    }

    /// Parses one JSON text given as a string.
    ///
    /// - Throws: as ``parse(_:)-(Collection<UInt8>)``.
    public func parse(string: some StringProtocol) throws(JOSEError) -> JSONValue {
        try parse(Array(string.utf8))
    }

    private func parseResult(_ input: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JOSEError> {
        guard input.count <= maximumBytes else {
            return .failure(JOSEError(code: .tooLarge, reason: "JSON text of \(input.count) bytes exceeds \(maximumBytes)"))
        }
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            return .failure(JOSEError(code: .malformedJSON, reason: "leading byte order mark"))
        }
        var scanner = JSONScanner(input: input, maximumDepth: maximumDepth)
        return Result { () throws(JOSEError) in try scanner.parseDocument() }
    }
}
