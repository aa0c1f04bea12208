import AuthorityToken
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import TNAuthList
import Testing

/// Drives the STI-PA API the way the deployed clients do (spec digest §4.4).
struct PAHTTPClient: Sendable {
    let client: any TestClientProtocol

    static let jsonHeaders: HTTPFields = [.contentType: "application/json", .accept: "application/json"]

    func post(_ path: String, json: String, headers: HTTPFields = PAHTTPClient.jsonHeaders) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func login(_ user: String, password: String = PATestServer.password) async throws -> TestResponse {
        try await post("/api/v1/auth/login", json: #"{"userId":"\#(user)","password":"\#(password)"}"#)
    }

    func accessToken(_ user: String) async throws -> String {
        let response = try await login(user)
        #expect(response.status == .ok)
        return try #require(try ACMEHTTPClient.json(response)["accessToken"]?.stringValue)
    }

    func tokenRequest(account: String, accessToken: String, list: TNAuthorizationList, accountKey: JSONWebKey, ca: Bool = false, bearer: Bool = false) async throws -> TestResponse {
        let body = #"{"atc":{"tktype":"TNAuthList","tkvalue":"\#(try list.base64EncodedString())","ca":\#(ca),"fingerprint":"\#(AccountKeyFingerprint(accountKey: accountKey).description)"}}"#
        var headers = Self.jsonHeaders
        headers[.authorization] = bearer ? "Bearer " + accessToken : accessToken
        return try await post("/api/v1/account/\(account)/token", json: body, headers: headers)
    }

    /// An SPC token for `list` bound to `accountKey`, obtained through login and the token route.
    func spcToken(user: String, account: String, list: TNAuthorizationList, accountKey: JSONWebKey, ca: Bool = false) async throws -> String {
        let response = try await tokenRequest(account: account, accessToken: try await accessToken(user), list: list, accountKey: accountKey, ca: ca)
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try #require(try ACMEHTTPClient.json(response)["token"]?.stringValue)
    }

    static func errorCode(_ response: TestResponse) throws -> String? {
        let json = try ACMEHTTPClient.json(response)
        #expect(json["status"]?.stringValue == "error")
        #expect(json["message"]?.stringValue?.isEmpty == false)
        return json["code"]?.stringValue
    }
}
