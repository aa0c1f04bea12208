import Foundation
import HTTPClient
import HTTPTypes
import Hummingbird
import JOSE
import PolicyAdministration

/// The JSON conventions of the STI-PA-style portal APIs a provider serves (spec digest §4.4): bodies
/// read within a limit, the bearer access token, and errors as `{status:"error",code,message}` with
/// 400, 401, 403, or 502 when the STI-PA behind an SP-PA-proxy cannot be asked.
enum PortalExchange {
    static let maximumBodySize = 16_384

    /// The body, at most ``maximumBodySize`` bytes.
    static func bytes(_ request: Request) async throws -> [UInt8] {
        do {
            return Array(try await request.body.collect(upTo: maximumBodySize).readableBytesView)
        } catch {
            throw PolicyAdministrationError(.malformedATC, "the request body exceeds \(maximumBodySize) bytes")
        }
    }

    /// The body as a strict JSON object; `code` names the error for anything else.
    static func object(_ request: Request, code: PolicyAdministrationError.Code) async throws -> JSONObject {
        let value: JSONValue
        do {
            value = try StrictJSONParser(maximumBytes: maximumBodySize).parse(try await bytes(request))
        } catch let error as PolicyAdministrationError {
            throw error
        } catch {
            throw PolicyAdministrationError(code, "the body is not strict JSON: \(error)")
        }
        guard let object = value.objectValue else { throw PolicyAdministrationError(code, "the body is not a JSON object") }
        return object
    }

    /// The access token of `Authorization` (raw, or with the `Bearer` scheme).
    static func accessToken(_ request: Request) throws -> AccessToken {
        var value = request.headers[.authorization] ?? ""
        if value.lowercased().hasPrefix("bearer ") { value = String(value.dropFirst(7)) }
        guard !value.isEmpty else { throw PolicyAdministrationError(.notAuthenticated, "no access token in Authorization") }
        return AccessToken(value)
    }

    /// Runs `body`, rendering a thrown error as the portal's error object.
    static func respond(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as PolicyAdministrationError {
            let status: HTTPResponse.Status =
                switch error.code {
                case .notAuthenticated, .invalidCredentials, .unknownUser: .unauthorized
                case .notAuthorised, .scopeNotHeld, .caNotAllowed, .delegationOutsideScope, .accountDisabled, .unknownCustomer: .forbidden
                default: .badRequest
                }
            return failure(code: "\(error.code)", message: error.reason, status: status)
        } catch let error as HTTPClientError {
            // The STI-PA refused the provider's request (seed 002 figure 9 step 3) or could not be reached.
            let refused = error.code == .paRequestFailed
            return failure(code: refused ? "stiPARefused" : "stiPAUnavailable", message: error.reason, status: refused ? .forbidden : .badGateway)
        } catch {
            return failure(code: "malformed", message: "\(error)", status: .badRequest)
        }
    }

    static func failure(code: String, message: String, status: HTTPResponse.Status) -> Response {
        json([.init("status", .string("error")), .init("code", .string(code)), .init("message", .string(message))], status: status)
    }

    static func json(_ members: [JSONObject.Member], status: HTTPResponse.Status = .ok) -> Response {
        let object = (try? JSONObject(members)) ?? JSONObject()
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: CanonicalJSON.encode(.object(object))))
        )
    }
}
