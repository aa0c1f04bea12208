import HTTPClient
import HTTPServer
import HTTPTypes
import Hummingbird
import JOSE
import PolicyAdministration

/// What the provider's STI-PA-style APIs (spec digest §4.4) do differently from the STI-PA's own routes,
/// which otherwise share HTTPServer's body reading, access token, JSON replies and
/// `{status:"error",code,message}` errors (``PolicyAdministrationErrorResponse``): any `Content-Type`
/// is read, an oversized or malformed body is a domain refusal (400, or 401 for a login), and the
/// status codes are those of the provider's customers — 401 for an unknown user, 403 for an unknown
/// customer, 400 for every other refusal the STI-PA would answer with 404, 409, 429 or 500 — plus
/// 403 `stiPARefused` and 502 `stiPAUnavailable` for the STI-PA behind the SP-PA-proxy.
public enum PortalExchange {
    /// The largest request body the portal reads, in bytes.
    static let maximumBodySize = 16_384

    /// The body, at most ``maximumBodySize`` bytes.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/malformedATC`` for a larger body.
    static func bytes(_ request: Request) async throws -> [UInt8] {
        switch try await RequestBodyReader.read(request, limit: maximumBodySize) {
        case .complete(let bytes): return bytes
        case .tooLarge: throw PolicyAdministrationError(.malformedATC, "the request body exceeds \(maximumBodySize) bytes")
        }
    }

    /// The body as a strict JSON object; `code` names the error for anything else.
    static func object(_ request: Request, code: PolicyAdministrationError.Code) async throws -> JSONObject {
        let bytes = try await bytes(request)
        do {
            return try JSONRequestBody.object(bytes, limit: maximumBodySize)
        } catch {
            throw PolicyAdministrationError(code, error.reason)
        }
    }

    /// Runs `body`, rendering a thrown error as the portal's error object.
    ///
    /// An `HTTPClientError` comes from the STI-PA behind the SP-PA-proxy (seed 002 figure 9 step 3):
    /// `paRequestFailed` (the STI-PA refused) is 403 `stiPARefused`, anything else 502 `stiPAUnavailable`.
    public static func respond(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as PolicyAdministrationError {
            return PolicyAdministrationErrorResponse(status: status(of: error.code), code: error.code.description, message: error.reason).response
        } catch let error as HTTPServerError {
            return PolicyAdministrationErrorResponse(error).response
        } catch let error as HTTPClientError {
            let refused = error.code == .paRequestFailed
            return PolicyAdministrationErrorResponse(
                status: refused ? .forbidden : .badGateway, code: refused ? "stiPARefused" : "stiPAUnavailable", message: error.reason
            ).response
        } catch {
            return PolicyAdministrationErrorResponse(status: .badRequest, code: "malformed", message: "\(error)").response
        }
    }

    /// The portal's status for a domain refusal: the STI-PA's 401 and 403, with an unknown user 401 and
    /// an unknown customer 403; 400 otherwise.
    static func status(of code: PolicyAdministrationError.Code) -> HTTPResponse.Status {
        switch code {
        case .unknownUser: .unauthorized
        case .unknownCustomer: .forbidden
        default:
            switch PolicyAdministrationErrorResponse.status(of: code) {
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            default: .badRequest
            }
        }
    }
}
