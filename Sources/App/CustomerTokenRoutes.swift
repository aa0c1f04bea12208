import Foundation
import HTTPTypes
import Hummingbird
import JOSE
import PolicyAdministration

/// The STI-SCA's token API for its customers (ATIS-1000092; issue item 4: the provider is the token
/// authority for its customers' TNs), shaped like the STI-PA API (spec digest §4.4) so that the same
/// client drives both:
///
/// | Route | Auth | Result |
/// | --- | --- | --- |
/// | `POST /api/v1/auth/login` `{userId,password}` | none | `{status:"success",accessToken,accountId,expiresAt}` |
/// | `POST /api/v1/account/{id}/token` `{atc:{…}}` | access token of customer `{id}` | `{status:"success",token,crl}` |
///
/// Errors are `{status:"error",code,message}` with 400, 401 or 403.
struct CustomerTokenRoutes: Sendable {
    let authentication: PortalAuthentication
    let authority: CustomerTokenAuthority
    let maximumBodySize = 16_384

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.post("auth/login") { request, _ in await self.respond { try await self.login(request) } }
        api.post("account/{id}/token") { request, context in
            await self.respond { try await self.token(request, customerID: context.parameters.get("id") ?? "") }
        }
    }

    private func login(_ request: Request) async throws -> Response {
        let body = try await object(request)
        guard let userID = body["userId"]?.stringValue, let password = body["password"]?.stringValue else {
            throw PolicyAdministrationError(.invalidCredentials, "login needs string members userId and password")
        }
        let grant = try await authentication.login(userID: userID, password: password)
        return json([
            .init("status", .string("success")), .init("accessToken", .string(grant.accessToken.value)),
            .init("accountId", .string(grant.accountID.value)),
            .init("expiresAt", .string(ISO8601DateFormatter().string(from: grant.expiresAt))),
        ])
    }

    private func token(_ request: Request, customerID: String) async throws -> Response {
        var value = request.headers[.authorization] ?? ""
        if value.lowercased().hasPrefix("bearer ") { value = String(value.dropFirst(7)) }
        guard !value.isEmpty else { throw PolicyAdministrationError(.notAuthenticated, "no access token in Authorization") }
        let user = try await authentication.authenticate(AccessToken(value))
        guard user.accountID.value == customerID else {
            throw PolicyAdministrationError(.notAuthorised, "user \(user.userID) does not act for customer \(customerID)")
        }
        let grant = try await authority.issueToken(for: CustomerID(customerID), request: try SPCTokenRequest(jsonBody: try await bytes(request)))
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try grant.responseBody()))
        )
    }

    private func bytes(_ request: Request) async throws -> [UInt8] {
        do {
            return Array(try await request.body.collect(upTo: maximumBodySize).readableBytesView)
        } catch {
            throw PolicyAdministrationError(.malformedATC, "the request body exceeds \(maximumBodySize) bytes")
        }
    }

    private func object(_ request: Request) async throws -> JSONObject {
        guard let object = try StrictJSONParser(maximumBytes: maximumBodySize).parse(try await bytes(request)).objectValue else {
            throw PolicyAdministrationError(.invalidCredentials, "the body is not a JSON object")
        }
        return object
    }

    private func respond(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as PolicyAdministrationError {
            let status: HTTPResponse.Status =
                switch error.code {
                case .notAuthenticated, .invalidCredentials, .unknownUser: .unauthorized
                case .notAuthorised, .scopeNotHeld, .caNotAllowed, .delegationOutsideScope, .accountDisabled, .unknownCustomer: .forbidden
                default: .badRequest
                }
            return json([.init("status", .string("error")), .init("code", .string("\(error.code)")), .init("message", .string(error.reason))], status: status)
        } catch {
            return json([.init("status", .string("error")), .init("code", .string("malformed")), .init("message", .string("\(error)"))], status: .badRequest)
        }
    }

    private func json(_ members: [JSONObject.Member], status: HTTPResponse.Status = .ok) -> Response {
        let object = (try? JSONObject(members)) ?? JSONObject()
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: CanonicalJSON.encode(.object(object))))
        )
    }
}
