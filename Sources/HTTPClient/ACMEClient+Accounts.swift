import Crypto
import JOSE

extension ACMEClient {
    /// Creates the account, or finds the one of this key (RFC 8555 §7.3, §7.3.1).
    ///
    /// - Parameter onlyReturnExisting: Only look up; the server answers `accountDoesNotExist` if none.
    /// - Returns: The account; its URL becomes the `kid` of later requests.
    /// - Throws: ``HTTPClientError``; `acmeProblem` with `accountDoesNotExist` for an unknown key.
    @discardableResult
    public func register(onlyReturnExisting: Bool = false, agreeToTermsOfService: Bool = true) async throws(HTTPClientError) -> ACMEAccountResource {
        let url = try await directory().newAccount
        var members: [JSONObject.Member] = []
        if onlyReturnExisting {
            members.append(.init("onlyReturnExisting", .bool(true)))
        } else {
            members.append(.init("termsOfServiceAgreed", .bool(agreeToTermsOfService)))
            if !configuration.contact.isEmpty {
                members.append(.init("contact", .array(configuration.contact.map(JSONValue.string))))
            }
        }
        let response = try await post(url, payload: .object(try Self.object(members)), signer: .jwk(accountKey))
        let location = try Self.location(response, "newAccount")
        let object = try ACMEJSON.object(response.body, "account")
        accountURL = location
        return ACMEAccountResource(url: location, status: object["status"]?.stringValue ?? "valid", created: response.status == 201)
    }

    /// Replaces the account key (§7.3.5): an inner JWS signed by `newKey` with `jwk` and
    /// `{"account":…,"oldKey":…}`, inside an outer JWS signed by the current key.
    ///
    /// - Throws: ``HTTPClientError``; the key is replaced only when the server accepts.
    public func changeKey(to newKey: P256.Signing.PrivateKey) async throws(HTTPClientError) {
        guard let accountURL else {
            throw HTTPClientError(.signingFailed, "no account URL: register or look up the account first")
        }
        guard let url = try await directory().keyChange else {
            throw HTTPClientError(.malformedResponse, "the directory offers no keyChange")
        }
        let inner: FlattenedJWS
        do {
            let header = try JSONObject([
                .init("alg", .string(ES256.algorithm)),
                .init("jwk", JSONWebKey(publicKey: newKey.publicKey).jsonValue),
                .init("url", .string(url)),
            ])
            let payload = try JSONObject([.init("account", .string(accountURL)), .init("oldKey", accountJWK.jsonValue)])
            inner = try FlattenedJWS.signES256(protectedHeader: header, payload: CanonicalJSON.encode(.object(payload)), using: newKey)
        } catch {
            throw HTTPClientError(.signingFailed, "cannot sign the key change: \(error.reason)")
        }
        _ = try await post(url, payload: inner.jsonValue)
        accountKey = newKey
    }

    /// Deactivates the account (§7.3.6).
    ///
    /// - Throws: ``HTTPClientError``.
    public func deactivateAccount() async throws(HTTPClientError) {
        guard let accountURL else {
            throw HTTPClientError(.signingFailed, "no account URL: register or look up the account first")
        }
        _ = try await post(accountURL, payload: .object(try Self.object([.init("status", .string("deactivated"))])))
    }

    static func object(_ members: [JSONObject.Member]) throws(HTTPClientError) -> JSONObject {
        do {
            return try JSONObject(members)
        } catch {
            throw HTTPClientError(.signingFailed, "cannot build the request payload: \(error.reason)")
        }
    }
}
