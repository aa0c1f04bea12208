import Foundation
import AuthorityToken
import CertificateRevocation
import Crypto
import JOSE
import PolicyAdministration
import TNAuthList

/// A client of the STI-PA REST API as deployed (spec digest §4.4; ATIS-1000080 §6.3.5.2): login,
/// SPC token requests, logout, the signed CA trust list and the SHAKEN CRL (§4.6).
///
/// The access token is sent raw in `Authorization` (no scheme), as the deployed API expects.
public actor STIPAClient {
    /// The SPC token response `{"status":"success","token":…,"crl":…}`.
    public struct TokenResponse: Hashable, Sendable {
        /// The SPC token (compact JWS).
        public let token: String
        /// The CRL URL to put into certificates and to poll (§4.6).
        public let crlURL: String?
    }

    /// The base URL, e.g. `https://127.0.0.1:8443`, without a trailing slash.
    public let baseURL: String
    let transport: HTTPSClient
    /// The access token of the current session, if logged in.
    public private(set) var accessToken: String?
    /// The last CA trust list that verified; kept when a refresh fails (§4.4).
    public private(set) var lastTrustList: CATrustList?

    /// Creates a client.
    public init(baseURL: String, transport: HTTPSClient) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.transport = transport
    }

    /// `POST /api/v1/auth/login` with `{"userId":…,"password":…}`; keeps the access token.
    ///
    /// - Throws: ``HTTPClientError/Code/paRequestFailed`` for refused credentials.
    @discardableResult
    public func login(userID: String, password: String) async throws(HTTPClientError) -> String {
        let body = try Self.json([.init("password", .string(password)), .init("userId", .string(userID))])
        let object = try await exchange(HTTPSRequest(method: "POST", url: baseURL + "/api/v1/auth/login", headers: Self.jsonHeaders, body: body))
        guard let token = object["accessToken"]?.stringValue, !token.isEmpty else {
            throw HTTPClientError(.malformedResponse, "login response has no accessToken")
        }
        accessToken = token
        return token
    }

    /// `POST /api/v1/account/{id}/token` with `atc {tktype, tkvalue, ca, fingerprint}` (RFC 9448 §5):
    /// `tkvalue` is base64 of the DER list, `fingerprint` the account key's RFC 7638 thumbprint.
    ///
    /// - Throws: ``HTTPClientError``; `notLoggedIn` before login, `paRequestFailed` when refused.
    public func requestSPCToken(
        accountID: String, tnAuthList: TNAuthorizationList, accountKey: JSONWebKey, isCA: Bool = false
    ) async throws(HTTPClientError) -> TokenResponse {
        let atc: AuthorityTokenClaims.ATC
        do {
            atc = try AuthorityTokenClaims.ATC(tnAuthList: tnAuthList, isCA: isCA, fingerprint: AccountKeyFingerprint(accountKey: accountKey))
        } catch {
            throw HTTPClientError(.signingFailed, "cannot build the atc request: \(error)")
        }
        return try await requestSPCToken(accountID: accountID, atc: atc)
    }

    /// `POST /api/v1/account/{id}/token` with a prepared `atc` (RFC 9448 §5), as an SP-PA-proxy sends
    /// it on behalf of a PBX whose account key it knows only by fingerprint (seed 002 figure 9 step 2).
    ///
    /// - Throws: ``HTTPClientError``; `notLoggedIn` before login, `paRequestFailed` when refused.
    public func requestSPCToken(accountID: String, atc: AuthorityTokenClaims.ATC) async throws(HTTPClientError) -> TokenResponse {
        let path = "/api/v1/account/" + Self.pathSegment(accountID) + "/token"
        return try await requestToken(path: path, body: try Self.body(SPCTokenRequest(atc: atc)))
    }

    /// `POST /proxy/v1/customer/{id}/token` at a provider's SP-PA-proxy (seed 002 figure 9 step 1): a
    /// PBX asks for a TN-list token bound to its account key; the proxy adds the TNs delegated to it
    /// (all of them, or `tnAuthList` when it names a subset) and answers with the STI-PA's token.
    ///
    /// - Throws: ``HTTPClientError``; `notLoggedIn` before login, `paRequestFailed` when refused.
    public func requestProxiedToken(
        customerID: String, accountKey: JSONWebKey, tnAuthList: TNAuthorizationList? = nil
    ) async throws(HTTPClientError) -> TokenResponse {
        var members: [JSONObject.Member] = [.init("fingerprint", .string(AccountKeyFingerprint(accountKey: accountKey).description))]
        if let tnAuthList {
            do {
                members.append(.init("tkvalue", .string(try tnAuthList.base64EncodedString())))
            } catch {
                throw HTTPClientError(.signingFailed, "the TNAuthList does not encode: \(error)")
            }
        }
        return try await requestToken(path: "/proxy/v1/customer/" + Self.pathSegment(customerID) + "/token", body: try Self.json(members))
    }

    private static func body(_ request: SPCTokenRequest) throws(HTTPClientError) -> [UInt8] {
        do {
            return try request.jsonBody()
        } catch {
            throw HTTPClientError(.signingFailed, "cannot build the atc request: \(error)")
        }
    }

    private func requestToken(path: String, body: [UInt8]) async throws(HTTPClientError) -> TokenResponse {
        guard let accessToken else { throw HTTPClientError(.notLoggedIn, "request a token after login") }
        let object = try await exchange(HTTPSRequest(
            method: "POST", url: baseURL + path,
            headers: Self.jsonHeaders + [HTTPHeaderField("Authorization", accessToken)], body: body
        ))
        guard let token = object["token"]?.stringValue, !token.isEmpty else {
            throw HTTPClientError(.malformedResponse, "token response has no token")
        }
        return TokenResponse(token: token, crlURL: object["crl"]?.stringValue)
    }

    /// `POST /api/v1/auth/logout`; forgets the access token even when the call fails.
    ///
    /// - Throws: ``HTTPClientError``.
    public func logout() async throws(HTTPClientError) {
        guard let accessToken else { return }
        self.accessToken = nil
        let response = try await transport.send(HTTPSRequest(
            method: "POST", url: baseURL + "/api/v1/auth/logout", headers: [HTTPHeaderField("Authorization", accessToken)]
        ))
        guard (200...299).contains(response.status) else {
            throw HTTPClientError(.paRequestFailed, "logout answered \(response.status)")
        }
    }

    /// `GET /api/v1/ca-list`, verified with the PA signing key, refused if its `sequence` is lower
    /// than the last good list's; on failure the last good list stays in ``lastTrustList``.
    ///
    /// - Throws: ``HTTPClientError/Code/trustListRejected`` naming the verification failure.
    public func fetchTrustList(signingKey: P256.Signing.PublicKey) async throws(HTTPClientError) -> CATrustList {
        let response = try await transport.send(HTTPSRequest(url: baseURL + "/api/v1/ca-list", headers: [HTTPHeaderField("Accept", "application/json")]))
        guard response.status == 200 else { throw Self.failure(response, "ca-list") }
        do {
            let list = try CATrustList(responseBody: response.body, signingKey: signingKey, lastSeenSequence: lastTrustList?.sequence)
            lastTrustList = list
            return list
        } catch {
            throw HTTPClientError(.trustListRejected, "the CA trust list is refused: \(error.reason)")
        }
    }

    /// Downloads the SHAKEN CRL, DER or PEM (`GET /download/v1/crl` or the URL given, §4.6).
    /// Its signature is checked where it is used (chain verification), not here.
    ///
    /// - Throws: ``HTTPClientError/Code/malformedCRL`` for a body that is not a CRL.
    public func downloadCRL(url: String? = nil) async throws(HTTPClientError) -> CertificateRevocationList {
        let target = url ?? baseURL + "/download/v1/crl"
        let response = try await transport.send(HTTPSRequest(url: target, headers: [HTTPHeaderField("Accept", "application/pkix-crl")]))
        guard response.status == 200 else { throw Self.failure(response, "CRL download") }
        do {
            if response.body.starts(with: Array("-----BEGIN".utf8)) {
                return try CertificateRevocationList(pemEncoded: String(decoding: response.body, as: UTF8.self))
            }
            return try CertificateRevocationList(derEncoded: response.body)
        } catch {
            throw HTTPClientError(.malformedCRL, "\(target) is not a CRL: \(error)")
        }
    }

    // MARK: Helpers

    static let jsonHeaders = [HTTPHeaderField("Content-Type", "application/json"), HTTPHeaderField("Accept", "application/json")]

    private func exchange(_ request: HTTPSRequest) async throws(HTTPClientError) -> JSONObject {
        let response = try await transport.send(request)
        guard (200...299).contains(response.status) else { throw Self.failure(response, request.url) }
        let object = try ACMEJSON.object(response.body, "STI-PA response")
        guard object["status"]?.stringValue == "success" else {
            throw HTTPClientError(.paRequestFailed, "\(request.url): status is not success: \(Self.message(object))")
        }
        return object
    }

    /// `paRequestFailed` with the diagnostic members the deployed API uses (spec digest §4.4).
    static func failure(_ response: HTTPSResponse, _ what: String) -> HTTPClientError {
        let detail = (try? ACMEJSON.object(response.body, "error")).map(message) ?? ""
        return HTTPClientError(.paRequestFailed, "\(what) answered \(response.status)" + (detail.isEmpty ? "" : ": " + detail))
    }

    static func message(_ object: JSONObject) -> String {
        ["code", "error", "message", "description", "detail"].compactMap { name in
            object[name].map { value in "\(name)=" + (value.stringValue ?? String(decoding: CanonicalJSON.encode(value), as: UTF8.self)) }
        }.joined(separator: ", ")
    }

    static func json(_ members: [JSONObject.Member]) throws(HTTPClientError) -> [UInt8] {
        do {
            return CanonicalJSON.encode(.object(try JSONObject(members)))
        } catch {
            throw HTTPClientError(.signingFailed, "cannot build the request body: \(error.reason)")
        }
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986 §2.3).
    static func pathSegment(_ text: String) -> String {
        text.utf8.map { byte in
            let c = Character(Unicode.Scalar(byte))
            return c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) ? String(c) : String(format: "%%%02X", byte)
        }.joined()
    }
}
