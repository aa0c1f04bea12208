import Hummingbird
import JOSE
import PolicyAdministration

extension PortalAuthentication.Grant {
    /// The answer to a successful login of the STI-PA API (spec digest §4.4), and of the provider APIs
    /// shaped like it: `{status:"success",accessToken,accountId,expiresAt}`, `expiresAt` in RFC 3339 UTC.
    public var loginResponse: Response {
        ResponseBuilding.json(ResponseBuilding.object([
            ("status", .string("success")),
            ("accessToken", .string(accessToken.value)),
            ("accountId", .string(accountID.value)),
            ("expiresAt", .string(ACMEResourceJSON.timestamp(expiresAt))),
        ]))
    }
}
