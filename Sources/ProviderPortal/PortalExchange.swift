import HTTPClient
import HTTPServer
import HTTPTypes
import Hummingbird
import JOSE
import Logging
import PolicyAdministration

/// What the provider's STI-PA-style APIs (spec digest §4.4) do differently from the STI-PA's own routes,
/// which otherwise share HTTPServer's body reading, access token, JSON replies and
/// `{status:"error",code,message}` errors (``PolicyAdministrationErrorResponse``): any `Content-Type`
/// is read, a malformed body is a domain refusal (400, or 401 for a login), an unknown
/// user is 401 and an unknown customer 403, and 403 `stiPARefused` and 502 `stiPAUnavailable` report
/// the STI-PA behind the SP-PA-proxy. Every other status is the STI-PA's.
public enum PortalExchange {
    /// The largest request body the portal reads, in bytes.
    static let maximumBodySize = 16_384

    /// The body, at most ``maximumBodySize`` bytes.
    ///
    /// - Throws: `HTTPServerError` `payloadTooLarge` (413, as at the STI-PA) for a larger body.
    static func bytes(_ request: Request) async throws -> [UInt8] {
        switch try await RequestBodyReader.read(request, limit: maximumBodySize) {
        case .complete(let bytes): return bytes
        case .tooLarge(let size): throw HTTPServerError(.payloadTooLarge, "request body of \(size) bytes exceeds \(maximumBodySize)")
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
    /// Domain refusals get the STI-PA's status (``PolicyAdministrationErrorResponse/status(of:)``, so a
    /// lockout is 429 with `Retry-After`), except that an unknown user is 401 and an unknown customer
    /// 403, which reveal nothing about who exists. Server-side failures and anything unexpected are 500
    /// with a fixed message; their cause goes to `logger`, never to the client.
    /// An `HTTPClientError` comes from the STI-PA behind the SP-PA-proxy (seed 002 figure 9 step 3):
    /// `paRequestFailed` (the STI-PA refused) is 403 `stiPARefused`, anything else 502 `stiPAUnavailable`.
    public static func respond(logger: Logger, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as PolicyAdministrationError {
            var rendered = PolicyAdministrationErrorResponse(error)
            if let status = status(of: error.code) {
                rendered = PolicyAdministrationErrorResponse(status: status, code: rendered.code, message: rendered.message)
            } else if rendered.status == .internalServerError {
                logger.error("provider portal failure", metadata: ["reason": .string(error.description)])
            }
            return rendered.response
        } catch let error as HTTPServerError {
            return PolicyAdministrationErrorResponse(error).response
        } catch let error as HTTPClientError {
            let refused = error.code == .paRequestFailed
            if !refused { logger.error("STI-PA unavailable", metadata: ["reason": .string(error.description)]) }
            return PolicyAdministrationErrorResponse(
                status: refused ? .forbidden : .badGateway, code: refused ? "stiPARefused" : "stiPAUnavailable", message: error.reason
            ).response
        } catch {
            logger.error("provider portal unexpected error", metadata: ["error": .string(String(describing: error))])
            return PolicyAdministrationErrorResponse(
                status: .internalServerError, code: "internalError", message: PolicyAdministrationErrorResponse.internalMessage
            ).response
        }
    }

    /// Where the portal's status differs from the STI-PA's: an unknown user is 401 and an unknown
    /// customer 403 (the STI-PA answers 404); `nil` elsewhere.
    static func status(of code: PolicyAdministrationError.Code) -> HTTPResponse.Status? {
        switch code {
        case .unknownUser: .unauthorized
        case .unknownCustomer: .forbidden
        default: nil
        }
    }
}
