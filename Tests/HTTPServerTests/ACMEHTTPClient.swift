import ACMECore
import ACMETesting
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import Testing
import X509

/// A minimal ACME client (RFC 8555) driving a router through HummingbirdTesting, signing requests with
/// JOSE's flattened JWS.
struct ACMEHTTPClient: Sendable {
    let client: any TestClientProtocol
    let linker: ACMELinker
    let key: ACMEClientKey
    var kid: String?

    init(_ client: any TestClientProtocol, linker: ACMELinker, key: ACMEClientKey, kid: String? = nil) {
        self.client = client
        self.linker = linker
        self.key = key
        self.kid = kid
    }

    static let joseHeaders: HTTPFields = [.contentType: "application/jose+json"]

    /// The request path of an absolute URL of this server.
    func path(_ url: String) -> String {
        let origin = BaseOrigin.of(linker.baseURL)
        return url.hasPrefix(origin) ? String(url.dropFirst(origin.count)) : url
    }

    /// A nonce from HEAD newNonce.
    func nonce() async throws -> String {
        let response = try await client.execute(uri: path(linker.newNonce), method: .head)
        return try #require(response.headers[.replayNonceForTests])
    }

    /// POSTs a JWS signed with `kid` (or `jwk` when `useJWK`) and a fresh nonce.
    func post(_ url: String, payload: JSONValue?, useJWK: Bool = false, nonce: String? = nil, extra: [JSONObject.Member] = []) async throws -> TestResponse {
        let nonceValue: String? = if let nonce { nonce } else { try await self.nonce() }
        let body = try key.sign(url: url, nonce: nonceValue, kid: useJWK ? nil : kid, payload: payload, extra: extra)
        return try await raw(path(url), body: body)
    }

    /// POSTs raw bytes.
    func raw(_ path: String, body: [UInt8], headers: HTTPFields = ACMEHTTPClient.joseHeaders) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// newAccount; returns the client with its `kid` set.
    func register(contact: [String] = []) async throws -> ACMEHTTPClient {
        let payload = try object([("termsOfServiceAgreed", .bool(true)), ("contact", .array(contact.map(JSONValue.string)))])
        let response = try await post(linker.newAccount, payload: payload, useJWK: true)
        #expect(response.status == .created)
        var registered = self
        let location: String = try #require(response.headers[.location])
        registered.kid = location
        return registered
    }

    /// newOrder for `list`; returns the order JSON and its URL.
    func newOrder(_ list: TNAuthorizationList) async throws -> (JSONObject, String) {
        let response = try await post(linker.newOrder, payload: try Self.identifiers(list))
        #expect(response.status == .created, "\(String(buffer: response.body))")
        let location = response.headers[.location] ?? ""
        #expect(!location.isEmpty)
        return (try Self.json(response), location)
    }

    /// The challenge URL of an order's first authorization.
    func challengeURL(order: JSONObject) async throws -> String {
        let authorizationURL = try #require(order["authorizations"]?.arrayValue?.first?.stringValue)
        let authorization = try Self.json(try await post(authorizationURL, payload: nil))
        let challenge = try #require(authorization["challenges"]?.arrayValue?.first?.objectValue)
        return try #require(challenge["url"]?.stringValue)
    }

    /// Finalizes with a CSR for `list` and returns the response.
    func finalize(order: JSONObject, list: TNAuthorizationList, subjectKey: P256.Signing.PrivateKey, ca: Bool = false, commonName: String = "SHAKEN 1234") async throws -> TestResponse {
        let csr = try CertificateSigningRequest.stiRequest(
            subject: .shaken(commonName: commonName, organization: "Example Service Provider", country: "US"),
            privateKey: Certificate.PrivateKey(subjectKey), tnAuthList: list,
            basicConstraints: ca ? .isCertificateAuthority(maxPathLength: nil) : nil
        )
        var serializer = DER.Serializer()
        try serializer.serialize(csr)
        let finalizeURL = try #require(order["finalize"]?.stringValue)
        return try await post(finalizeURL, payload: try object([("csr", .string(Base64URL.encode(serializer.serializedBytes)))]))
    }

    static func identifiers(_ list: TNAuthorizationList, type: String = "TNAuthList") throws -> JSONValue {
        try object([("identifiers", .array([try object([("type", .string(type)), ("value", .string(try list.base64EncodedString()))])]))])
    }

    static func json(_ response: TestResponse) throws -> JSONObject {
        try #require(try StrictJSONParser().parse(Array(response.body.readableBytesView)).objectValue)
    }

    /// The problem `type` of an error response, checking its media type.
    static func problemType(_ response: TestResponse) throws -> String? {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try json(response)["type"]?.stringValue
    }
}

func object(_ members: [(String, JSONValue)]) throws -> JSONValue {
    .object(try JSONObject(members.map { JSONObject.Member($0.0, $0.1) }))
}

enum BaseOrigin {
    /// `scheme://authority` of a URL.
    static func of(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        return String(url[..<authorityEnd])
    }
}

extension HTTPField.Name {
    static let replayNonceForTests = HTTPField.Name("Replay-Nonce")!
    static let linkForTests = HTTPField.Name("Link")!
}
