import Crypto
import JOSE

/// Signs a JSON payload as an ES256 compact JWS (RFC 7515 §7.1, RFC 7518 §3.4) with canonical JSON
/// header and payload (RFC 8225 §9 rules), for the STI-PA's own signed documents.
enum CompactJWSSigning {
    /// `BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature)`.
    static func sign(header: JSONValue, payload: JSONValue, key: P256.Signing.PrivateKey) throws(PolicyAdministrationError) -> String {
        var token: [UInt8] = []
        Base64URL.encode(CanonicalJSON.encode(header), appendingTo: &token)
        token.append(UInt8(ascii: "."))
        Base64URL.encode(CanonicalJSON.encode(payload), appendingTo: &token)
        let signature: [UInt8]
        do {
            signature = try ES256.sign(token, using: key)
        } catch {
            throw PolicyAdministrationError(.signingFailed, error.reason)
        }
        token.append(UInt8(ascii: "."))
        Base64URL.encode(signature, appendingTo: &token)
        return String(decoding: token, as: UTF8.self)
    }

    /// A JSON object from members given in any order.
    static func object(_ members: [(String, JSONValue)]) throws(PolicyAdministrationError) -> JSONValue {
        do {
            return .object(try JSONObject(members.map { JSONObject.Member($0.0, $0.1) }))
        } catch {
            throw PolicyAdministrationError(.signingFailed, "cannot build JSON object: \(error.reason)")
        }
    }
}
