import Foundation
import JOSE

/// An issued SPC token and the response of `POST /api/v1/account/{id}/token` (spec digest §4.4):
/// `{"crl":"<CRL URL>","status":"success","token":"<JWT>"}`.
public struct SPCTokenGrant: Hashable, Sendable {
    /// The compact JWS token.
    public let token: String
    /// Its `jti`.
    public let tokenID: String
    /// Its `exp`.
    public let expiresAt: Date
    /// The URL of the SHAKEN CRL (spec digest §4.6).
    public let crlURL: String

    /// Creates a grant.
    public init(token: String, tokenID: String, expiresAt: Date, crlURL: String) {
        self.token = token
        self.tokenID = tokenID
        self.expiresAt = expiresAt
        self.crlURL = crlURL
    }

    /// The JSON response body.
    public func responseBody() throws(PolicyAdministrationError) -> [UInt8] {
        CanonicalJSON.encode(try CompactJWSSigning.object([
            ("crl", .string(crlURL)), ("status", .string("success")), ("token", .string(token)),
        ]))
    }
}
