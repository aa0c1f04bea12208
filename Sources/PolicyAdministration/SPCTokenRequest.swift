import AuthorityToken
import JOSE
import TNAuthList

/// The body of `POST /api/v1/account/{id}/token` (spec digest §4.4):
/// `{"atc":{"tktype":"TNAuthList","tkvalue":"<base64 DER>","ca":false,"fingerprint":"SHA256 …"}}` (RFC 9448 §5).
public struct SPCTokenRequest: Hashable, Sendable {
    /// The requested `atc`.
    public let atc: AuthorityTokenClaims.ATC

    /// Wraps an `atc`.
    public init(atc: AuthorityTokenClaims.ATC) {
        self.atc = atc
    }

    /// Reads a request body.
    ///
    /// `tktype` is compared case-insensitively; `tkvalue` may be standard or URL-alphabet base64; `ca`
    /// defaults to false; `fingerprint` must be `SHA256 <hex pairs>` or a base64url thumbprint.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/malformedATC`` naming the offending member.
    public init(jsonBody: [UInt8]) throws(PolicyAdministrationError) {
        let body: JSONValue
        do {
            body = try StrictJSONParser(maximumBytes: 16_384, maximumDepth: 4).parse(jsonBody)
        } catch {
            throw PolicyAdministrationError(.malformedATC, "request body is not strict JSON: \(error.reason)")
        }
        guard let atc = body.objectValue?["atc"]?.objectValue else {
            throw PolicyAdministrationError(.malformedATC, "request body has no atc object")
        }
        guard let type = atc["tktype"]?.stringValue, type.lowercased() == AuthorityTokenClaims.ATC.tnAuthListType.lowercased() else {
            throw PolicyAdministrationError(.malformedATC, "atc.tktype must be the string TNAuthList")
        }
        guard let value = atc["tkvalue"]?.stringValue, let list = try? TNAuthorizationList(base64Encoded: value) else {
            throw PolicyAdministrationError(.malformedATC, "atc.tkvalue must be base64 of a DER TNAuthList")
        }
        var isCA = false
        if let flag = atc["ca"] {
            guard case .bool(let value) = flag else {
                throw PolicyAdministrationError(.malformedATC, "atc.ca is a \(flag.typeName), not a boolean")
            }
            isCA = value
        }
        guard let text = atc["fingerprint"]?.stringValue else {
            throw PolicyAdministrationError(.malformedATC, "atc.fingerprint must be a string")
        }
        do {
            self.atc = try AuthorityTokenClaims.ATC(tnAuthList: list, isCA: isCA, fingerprint: AccountKeyFingerprint(parsing: text))
        } catch {
            throw PolicyAdministrationError(.malformedATC, "atc: \(error.reason)")
        }
    }

    /// The request body, for a proxy forwarding it to the STI-PA.
    public func jsonBody() throws(PolicyAdministrationError) -> [UInt8] {
        let value: String
        do {
            value = try atc.tnAuthList.base64EncodedString()
        } catch {
            throw PolicyAdministrationError(.malformedATC, "TNAuthList does not encode: \(error)")
        }
        let inner = try CompactJWSSigning.object([
            ("ca", .bool(atc.isCA)), ("fingerprint", .string(atc.fingerprint.description)),
            ("tktype", .string(AuthorityTokenClaims.ATC.tnAuthListType)), ("tkvalue", .string(value)),
        ])
        return CanonicalJSON.encode(try CompactJWSSigning.object([("atc", inner)]))
    }
}
