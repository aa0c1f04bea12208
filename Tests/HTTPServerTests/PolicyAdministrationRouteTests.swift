import ACMETesting
import CertificateRevocation
import Foundation
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import PolicyAdministration
import STIRTesting
import TNAuthList
import Testing
import X509

@Suite("STI-PA routes (spec digest §4.4)")
struct PolicyAdministrationRouteTests {
    static var spc1234: TNAuthorizationList {
        get throws { try TNAuthorizationList([.spc(ServiceProviderCode("1234"))]) }
    }

    func withPA(_ body: @Sendable (PAHTTPClient, PATestServer) async throws -> Void) async throws {
        let pa = try await PATestServer(world: TestWorld())
        try await Application(router: pa.router()).test(.router) { client in try await body(PAHTTPClient(client: client), pa) }
    }

    static var jwk: JSONWebKey { ACMEClientKey(TestPKI.key("pa-route")).jwk }

    @Test("login returns success and an access token; a wrong password and an unknown user get the same 401")
    func login() async throws {
        try await withPA { pa, _ in
            let ok = try ACMEHTTPClient.json(try await pa.login("alice"))
            #expect(ok["status"]?.stringValue == "success")
            #expect((ok["accessToken"]?.stringValue?.count ?? 0) >= 43)
            #expect(ok["accountId"]?.stringValue == "sp-1234")
            let wrong = try await pa.login("alice", password: "wrong password here")
            let unknown = try await pa.login("mallory")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(try PAHTTPClient.errorCode(wrong) == "invalidCredentials")
            #expect(try PAHTTPClient.errorCode(unknown) == "invalidCredentials")
        }
    }

    @Test("repeated failed logins get 429 tooManyAttempts with Retry-After, for the right password too")
    func loginThrottled() async throws {
        try await withPA { pa, _ in
            for _ in 0..<LoginThrottle.Policy.standard.maximumFailures {
                let wrong = try await pa.login("alice", password: "wrong password here")
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await pa.login("alice")
            #expect(locked.status == .tooManyRequests)
            #expect(try PAHTTPClient.errorCode(locked) == "tooManyAttempts")
            #expect(locked.headers[.retryAfter].flatMap { Int($0) }.map { $0 > 0 && $0 <= 300 } == true)
        }
    }

    @Test("login refuses bodies that are not a JSON object with string members", arguments: [
        "", "[]", #"{"userId":"alice"}"#, #"{"userId":1,"password":"x"}"#, #"{"userId":"a","userId":"b","password":"x"}"#,
    ])
    func malformedLogin(_ body: String) async throws {
        try await withPA { pa, _ in
            let response = try await pa.post("/api/v1/auth/login", json: body)
            #expect(response.status == .badRequest)
            #expect(try PAHTTPClient.errorCode(response) == "malformedRequest")
        }
    }

    @Test("a login body that is not application/json is 415")
    func loginMediaType() async throws {
        try await withPA { pa, _ in
            let response = try await pa.post("/api/v1/auth/login", json: #"{"userId":"alice","password":"x"}"#, headers: [.contentType: "text/plain"])
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test("the token route issues an SPC token with the CRL URL, for a raw or Bearer access token")
    func token() async throws {
        try await withPA { pa, _ in
            let access = try await pa.accessToken("alice")
            for bearer in [false, true] {
                let response = try await pa.tokenRequest(account: "sp-1234", accessToken: access, list: try Self.spc1234, accountKey: Self.jwk, bearer: bearer)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let json = try ACMEHTTPClient.json(response)
                #expect(json["status"]?.stringValue == "success")
                #expect(json["crl"]?.stringValue == TestPKI.stiPACRLURL)
                #expect(json["token"]?.stringValue?.split(separator: ".").count == 3)
            }
        }
    }

    @Test("the token route maps domain refusals to statuses and codes")
    func tokenRefusals() async throws {
        try await withPA { pa, _ in
            let access = try await pa.accessToken("alice")
            let other = try TNAuthorizationList([.spc(ServiceProviderCode("9999"))])
            let scope = try await pa.tokenRequest(account: "sp-1234", accessToken: access, list: other, accountKey: Self.jwk)
            #expect(scope.status == .forbidden)
            #expect(try PAHTTPClient.errorCode(scope) == "scopeNotHeld")
            let ca = try await pa.tokenRequest(account: "sp-1234", accessToken: access, list: try Self.spc1234, accountKey: Self.jwk, ca: true)
            #expect(ca.status == .forbidden)
            #expect(try PAHTTPClient.errorCode(ca) == "caNotAllowed")
            let foreign = try await pa.tokenRequest(account: "sp-5678", accessToken: access, list: try Self.spc1234, accountKey: Self.jwk)
            #expect(foreign.status == .forbidden)
            #expect(try PAHTTPClient.errorCode(foreign) == "notAuthorised")
            let unknown = try await pa.tokenRequest(account: "sp-0000", accessToken: access, list: try Self.spc1234, accountKey: Self.jwk)
            #expect(unknown.status == .notFound)
            #expect(try PAHTTPClient.errorCode(unknown) == "unknownAccount")
            let bogus = try await pa.tokenRequest(account: "sp-1234", accessToken: "not-a-token", list: try Self.spc1234, accountKey: Self.jwk)
            #expect(bogus.status == .unauthorized)
            #expect(try PAHTTPClient.errorCode(bogus) == "notAuthenticated")
            let missing = try await pa.post("/api/v1/account/sp-1234/token", json: "{}")
            #expect(missing.status == .unauthorized)
            #expect(try PAHTTPClient.errorCode(missing) == "notAuthenticated")
            var headers = PAHTTPClient.jsonHeaders
            headers[.authorization] = access
            let malformed = try await pa.post("/api/v1/account/sp-1234/token", json: #"{"atc":{"tktype":"TNAuthList"}}"#, headers: headers)
            #expect(malformed.status == .badRequest)
            #expect(try PAHTTPClient.errorCode(malformed) == "malformedATC")
            let large = try await pa.post("/api/v1/account/sp-1234/token", json: String(repeating: " ", count: 20_000), headers: headers)
            #expect(large.status == .contentTooLarge)
            #expect(try PAHTTPClient.errorCode(large) == "payloadTooLarge")
        }
    }

    @Test("an STI-SCA-authorised TN-level account obtains a ca:true token for numbers it holds")
    func caToken() async throws {
        try await withPA { pa, _ in
            let list = try TNAuthorizationList([try TestPKI.range("12025550100", 50)])
            let response = try await pa.tokenRequest(account: "sp-5678", accessToken: try await pa.accessToken("tina"), list: list, accountKey: Self.jwk, ca: true)
            #expect(response.status == .ok)
        }
    }

    @Test("logout ends the session: the token no longer works")
    func logout() async throws {
        try await withPA { pa, _ in
            let access = try await pa.accessToken("alice")
            var headers = PAHTTPClient.jsonHeaders
            headers[.authorization] = access
            let out = try await pa.post("/api/v1/auth/logout", json: "", headers: headers)
            #expect(out.status == .ok)
            #expect(try ACMEHTTPClient.json(out)["status"]?.stringValue == "success")
            let after = try await pa.tokenRequest(account: "sp-1234", accessToken: access, list: try Self.spc1234, accountKey: Self.jwk)
            #expect(after.status == .unauthorized)
            let twice = try await pa.post("/api/v1/auth/logout", json: "", headers: headers)
            #expect(twice.status == .unauthorized)
        }
    }

    @Test("ca-list returns {caList: JWS} whose payload carries the sequence and the roots added by the operator")
    func caList() async throws {
        try await withPA { pa, _ in
            let before = try ACMEHTTPClient.json(try await pa.client.execute(uri: "/api/v1/ca-list", method: .get))
            let emptyJWS = try #require(before["caList"]?.stringValue)
            #expect(try Self.payload(emptyJWS)["sequence"]?.integerValue == 0)
            let rootPEM = try ACMETestServer.pki.root.certificate.serializeAsPEM().pemString
            let body = try String(decoding: CanonicalJSON.encode(object([("certificate", .string(rootPEM))])), as: UTF8.self)
            var admin = PAHTTPClient.jsonHeaders
            admin[.authorization] = "Bearer " + PATestServer.adminSecret
            let added = try await pa.post("/admin/v1/ca-list", json: body, headers: admin)
            #expect(added.status == .ok)
            let after = try Self.payload(try #require(try ACMEHTTPClient.json(try await pa.client.execute(uri: "/api/v1/ca-list", method: .get))["caList"]?.stringValue))
            #expect((after["sequence"]?.integerValue ?? 0) > 0)
            #expect(after["trustList"]?.arrayValue?.count == 1)
        }
    }

    @Test("the CRL is DER application/pkix-crl, or PEM on Accept: application/x-pem-file; operator revocations appear on it")
    func crl() async throws {
        try await withPA { pa, _ in
            let der = try await pa.client.execute(uri: "/download/v1/crl", method: .get)
            #expect(der.status == .ok)
            #expect(der.headers[.contentType] == "application/pkix-crl")
            let parsed = try CertificateRevocationList(derEncoded: Array(der.body.readableBytesView))
            #expect(parsed.count == 0)
            let leafPEM = try ACMETestServer.pki.endEntity.certificate.serializeAsPEM().pemString
            let body = try String(decoding: CanonicalJSON.encode(object([("certificate", .string(leafPEM)), ("reason", .integer(1))])), as: UTF8.self)
            var admin = PAHTTPClient.jsonHeaders
            admin[.authorization] = PATestServer.adminSecret
            let revoked = try await pa.post("/admin/v1/revocations", json: body, headers: admin)
            #expect(revoked.status == .ok, "\(String(buffer: revoked.body))")
            let twice = try await pa.post("/admin/v1/revocations", json: body, headers: admin)
            #expect(twice.status == .conflict)
            #expect(try PAHTTPClient.errorCode(twice) == "alreadyRevoked")
            let pem = try await pa.client.execute(uri: "/download/v1/crl", method: .get, headers: [.accept: "application/x-pem-file"])
            #expect(pem.headers[.contentType] == "application/x-pem-file")
            let list = try CertificateRevocationList(pemEncoded: String(buffer: pem.body))
            #expect(list.count == 1)
            #expect(list.revokedCertificates.first?.serialNumber == ACMETestServer.pki.endEntity.certificate.serialNumber)
        }
    }

    @Test("admin routes create accounts and users and disable accounts; without the credential they are 401")
    func admin() async throws {
        try await withPA { pa, _ in
            var admin = PAHTTPClient.jsonHeaders
            admin[.authorization] = "Bearer " + PATestServer.adminSecret
            let account = #"{"id":"sp-7777","name":"New SP","spc":"7777","tnRanges":[{"start":"13035550100","count":10},{"tn":"13035550999"}],"mayRunSubordinateCA":true}"#
            var wrong = PAHTTPClient.jsonHeaders
            wrong[.authorization] = "Bearer guess"
            #expect(try await pa.post("/admin/v1/accounts", json: account, headers: wrong).status == .unauthorized)
            #expect(try await pa.post("/admin/v1/accounts", json: account).status == .unauthorized)
            #expect(try await pa.post("/admin/v1/accounts", json: account, headers: admin).status == .created)
            let duplicate = try await pa.post("/admin/v1/accounts", json: account, headers: admin)
            #expect(duplicate.status == .conflict)
            #expect(try PAHTTPClient.errorCode(duplicate) == "duplicateAccount")
            let badSPC = try await pa.post("/admin/v1/accounts", json: #"{"id":"x","name":"X","spc":""}"#, headers: admin)
            #expect(badSPC.status == .badRequest)
            let user = try await pa.post("/admin/v1/accounts/sp-7777/users", json: #"{"userId":"nina","password":"\#(PATestServer.password)"}"#, headers: admin)
            #expect(user.status == .created)
            let list = try TNAuthorizationList([try TestPKI.range("13035550100", 5)])
            let token = try await pa.tokenRequest(account: "sp-7777", accessToken: try await pa.accessToken("nina"), list: list, accountKey: Self.jwk, ca: true)
            #expect(token.status == .ok)
            #expect(try await pa.post("/admin/v1/accounts/sp-7777/disable", json: "", headers: admin).status == .ok)
            let disabled = try await pa.login("nina")
            #expect(disabled.status == .forbidden)
            #expect(try PAHTTPClient.errorCode(disabled) == "accountDisabled")
        }
    }

    @Test("admin routes are absent when no admin credential is configured")
    func noAdmin() async throws {
        let pa = try await PATestServer(world: TestWorld())
        try await Application(router: pa.router(admin: nil)).test(.router) { client in
            let response = try await client.execute(uri: "/admin/v1/accounts", method: .post, headers: [.authorization: PATestServer.adminSecret])
            #expect(response.status == .notFound)
        }
    }

    static func payload(_ jws: String) throws -> JSONObject {
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        return try #require(try StrictJSONParser().parse(try Base64URL.decode(String(parts[1]))).objectValue)
    }
}
