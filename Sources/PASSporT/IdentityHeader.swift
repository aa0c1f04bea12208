import JOSE

/// A SIP Identity header field value (RFC 8224 §4.1):
/// `<jws>;info=<https://cert.example.org/passport.cer>;alg=ES256;ppt=shaken`.
///
/// ABNF (RFC 8224 §4.1):
/// ```
/// Identity = "Identity" HCOLON signed-identity-digest SEMI ident-info *( SEMI ident-info-params )
/// ident-info = "info" EQUAL ident-info-uri ; ident-info-uri = LAQUOT absoluteURI RAQUOT
/// ident-info-params = ident-info-alg / ident-type / ident-info-extension
/// ```
public struct IdentityHeader: Hashable, Sendable {
    /// An extension parameter that this library keeps but does not interpret.
    public struct Parameter: Hashable, Sendable {
        /// The parameter name, lowercased.
        public var name: String
        /// The value without quotes, or `nil` for a bare name.
        public var value: String?

        /// Creates a parameter.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// The PASSporT in compact serialization (full or compact form).
    public var token: String
    /// The `info` URI without angle brackets; required for a full-form token.
    public var info: String?
    /// The `ppt` parameter, when present; it must match the PASSporT header's `ppt`.
    public var ppt: String?
    /// Other parameters, in received order.
    public var extensionParameters: [Parameter]

    /// The `alg` parameter value; only `ES256` exists here, and it is also the default (RFC 8224 §4.1).
    public var algorithm: String { PASSporTHeader.algorithm }

    /// Creates a header value to emit.
    public init(token: String, info: String?, ppt: String?, extensionParameters: [Parameter] = []) {
        self.token = token
        self.info = info
        self.ppt = ppt
        self.extensionParameters = extensionParameters
    }

    /// The header field value, `<token>;info=<uri>;alg=ES256[;ppt=<ppt>]` plus extension parameters.
    public var formatted: String {
        var text = ""
        text.reserveCapacity(token.utf8.count + (info?.utf8.count ?? 0) + 32)
        text += token
        if let info {
            text += ";info=<"
            text += info
            text += ">"
        }
        text += ";alg="
        text += algorithm
        if let ppt {
            text += ";ppt="
            text += Self.quotedIfNeeded(ppt)
        }
        for parameter in extensionParameters {
            text += ";\(parameter.name)"
            if let value = parameter.value { text += "=\(Self.quotedIfNeeded(value))" }
        }
        return text
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        if !value.isEmpty, value.utf8.allSatisfy(IdentityHeaderScanner.isTokenByte) { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Parses several Identity header field values from one request (RFC 8224 §4, RFC 3261 §7.3.1).
    ///
    /// Each element is one header field; a value holding several comma-separated Identity values is
    /// split at commas outside `<…>` and quoted strings (a JWS never contains a comma).
    /// - Throws: ``PASSporTError/Code/identityHeaderMalformed`` or ``PASSporTError/Code/unsupportedAlgorithm``.
    public static func parseAll(_ headerValues: [String]) throws(PASSporTError) -> [IdentityHeader] {
        var headers: [IdentityHeader] = []
        for value in headerValues {
            for piece in try IdentityHeaderScanner.splitAtTopLevelCommas(Array(value.utf8)) {
                headers.append(try IdentityHeader(parsingBytes: piece))
            }
        }
        return headers
    }

    /// Parses one Identity header field value (RFC 8224 §4.1).
    ///
    /// Parameters may come in any order, with whitespace around `;` and `=`, and with quoted or
    /// unquoted values; names are case-insensitive.
    /// - Throws: ``PASSporTError/Code/identityHeaderMalformed`` for bad syntax, a repeated known
    ///   parameter or a full-form token without `info`; ``PASSporTError/Code/unsupportedAlgorithm``
    ///   for an `alg` other than `ES256`.
    public init(parsing value: some StringProtocol) throws(PASSporTError) {
        try self.init(parsingBytes: ArraySlice(value.utf8))
    }

    init(parsingBytes bytes: ArraySlice<UInt8>) throws(PASSporTError) {
        var scanner = IdentityHeaderScanner(bytes: bytes)
        token = try scanner.readSignedDigest()
        info = nil
        ppt = nil
        extensionParameters = []
        var sawAlgorithm = false
        while let (name, value) = try scanner.readParameter() {
            switch name {
            case "info":
                guard info == nil, let uri = value, !uri.isEmpty else { throw Self.malformed("info must appear once, with a URI") }
                info = uri
            case "alg":
                guard !sawAlgorithm else { throw Self.malformed("alg appears twice") }
                sawAlgorithm = true
                guard value == PASSporTHeader.algorithm else {
                    throw PASSporTError(code: .unsupportedAlgorithm, reason: "Identity alg \(value ?? "(empty)") is not ES256")
                }
            case "ppt":
                guard ppt == nil, let type = value, !type.isEmpty else { throw Self.malformed("ppt must appear once, with a value") }
                ppt = type
            default:
                extensionParameters.append(Parameter(name: name, value: value))
            }
        }
        if info == nil, !CompactJWS.hasDetachedPayloadShape(Array(token.utf8)) {
            throw Self.malformed("info parameter is required (RFC 8224 §4.1)")
        }
    }

    static func malformed(_ reason: String) -> PASSporTError {
        PASSporTError(code: .identityHeaderMalformed, reason: reason)
    }

    /// Parses the token and checks it against this header: `info` must equal the PASSporT `x5u`
    /// (RFC 8588 §6, ATIS-1000082 E10) and a `ppt` parameter must equal the header `ppt` (RFC 8224 §4.1).
    ///
    /// - Throws: any ``UnverifiedPASSporT/init(compact:)`` error, ``PASSporTError/Code/infoMismatch``
    ///   or ``PASSporTError/Code/pptMismatch``.
    public func unverifiedPASSporT() throws(PASSporTError) -> UnverifiedPASSporT {
        let passport = try UnverifiedPASSporT(compact: token)
        try checkConsistency(with: passport.unverifiedHeader)
        return passport
    }

    /// Checks `info` and `ppt` against a PASSporT header.
    ///
    /// - Throws: ``PASSporTError/Code/infoMismatch`` or ``PASSporTError/Code/pptMismatch``.
    public func checkConsistency(with header: PASSporTHeader) throws(PASSporTError) {
        if let info, info != header.x5u {
            throw PASSporTError(code: .infoMismatch, reason: "Identity info <\(info)> differs from x5u \(header.x5u)")
        }
        if let ppt, ppt != header.ppt?.rawValue {
            throw PASSporTError(code: .pptMismatch, reason: "Identity ppt \(ppt) differs from header ppt \(header.ppt?.rawValue ?? "(none)")")
        }
    }
}
