import JOSE
import TNAuthList

extension AuthorityTokenClaims {
    /// The `atc` claim for the TNAuthList token type (RFC 9448 §5):
    /// `{"tktype":"TNAuthList","tkvalue":"<base64 DER TNAuthorizationList>","ca":false,"fingerprint":"SHA256 …"}`.
    public struct ATC: Hashable, Sendable {
        /// The `tktype` value this profile defines (RFC 9448 §5); compared case-insensitively.
        public static let tnAuthListType = "TNAuthList"

        /// The authorized numbers (`tkvalue` decoded).
        public let tnAuthList: TNAuthorizationList
        /// The DER encoding of `tkvalue`, for DER-equality checks against an ACME identifier
        /// (RFC 9448 §6). The parser accepts only DER, so this equals the received bytes.
        public let tnAuthListDER: [UInt8]
        /// Whether the holder may obtain a CA certificate (`ca`, RFC 9448 §5, ATIS-1000092 §5.3.2).
        public let isCA: Bool
        /// The ACME account key the token is bound to (`fingerprint`, RFC 9448 §5).
        public let fingerprint: AccountKeyFingerprint

        /// Creates the claim for a list of numbers.
        ///
        /// - Throws: ``AuthorityTokenError/Code/invalidTokenValue`` if the list cannot be DER-encoded.
        public init(tnAuthList: TNAuthorizationList, isCA: Bool, fingerprint: AccountKeyFingerprint) throws(AuthorityTokenError) {
            do {
                tnAuthListDER = try tnAuthList.derEncoded()
            } catch {
                throw AuthorityTokenError(code: .invalidTokenValue, reason: "TNAuthList does not encode: \(error)")
            }
            self.tnAuthList = tnAuthList
            self.isCA = isCA
            self.fingerprint = fingerprint
        }

        /// Reads a received `atc` object.
        ///
        /// - Throws: ``AuthorityTokenError`` (`missingClaim`, `invalidClaim`, `unsupportedTokenType`,
        ///   `invalidTokenValue`, `invalidFingerprint`).
        init(jsonObject object: JSONObject) throws(AuthorityTokenError) {
            let type = try Self.string(object, "tktype")
            guard type.lowercased() == Self.tnAuthListType.lowercased() else {
                throw AuthorityTokenError(code: .unsupportedTokenType, reason: "atc.tktype \"\(type)\" is not TNAuthList")
            }
            let value = try Self.string(object, "tkvalue")
            let list: TNAuthorizationList
            do {
                list = try TNAuthorizationList(base64Encoded: value)
            } catch {
                throw AuthorityTokenError(code: .invalidTokenValue, reason: "atc.tkvalue is not base64 DER TNAuthList: \(error)")
            }
            let fingerprint = try AccountKeyFingerprint(parsing: Self.string(object, "fingerprint"))
            var isCA = false
            if let ca = object["ca"] {
                guard case .bool(let flag) = ca else {
                    throw AuthorityTokenError(code: .invalidClaim, reason: "atc.ca is a \(ca.typeName), not a boolean")
                }
                isCA = flag
            }
            do {
                tnAuthListDER = try list.derEncoded()
            } catch {
                throw AuthorityTokenError(code: .invalidTokenValue, reason: "atc.tkvalue does not re-encode: \(error)")
            }
            tnAuthList = list
            self.isCA = isCA
            self.fingerprint = fingerprint
        }

        /// The claim as JSON; `tkvalue` is padded standard base64 (ATIS-1000080 §6.3.5.2 interop form).
        func jsonValue() throws(AuthorityTokenError) -> JSONValue {
            let value: String
            do {
                value = try tnAuthList.base64EncodedString()
            } catch {
                throw AuthorityTokenError(code: .invalidTokenValue, reason: "TNAuthList does not encode: \(error)")
            }
            return .object(JSONObject(sortedUniqueMembers: [
                .init("ca", .bool(isCA)),
                .init("fingerprint", .string(fingerprint.description)),
                .init("tktype", .string(Self.tnAuthListType)),
                .init("tkvalue", .string(value)),
            ]))
        }

        private static func string(_ object: JSONObject, _ name: String) throws(AuthorityTokenError) -> String {
            guard let value = object[name] else {
                throw AuthorityTokenError(code: .missingClaim, reason: "atc has no \(name)")
            }
            guard let text = value.stringValue else {
                throw AuthorityTokenError(code: .invalidClaim, reason: "atc.\(name) is a \(value.typeName), not a string")
            }
            return text
        }
    }
}
