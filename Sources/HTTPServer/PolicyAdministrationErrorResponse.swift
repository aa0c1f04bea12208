import HTTPTypes
import Hummingbird
import JOSE
import PolicyAdministration

/// The one mapping from STI-PA errors to the deployed API's error responses (spec digest §4.4):
/// `{"status":"error","code":"<code>","message":"<reason>"}` with an HTTP status per code.
///
/// Server-side failures (signing, CRL, key derivation, storage, anything unexpected) get status 500
/// and a fixed message; their cause is logged, never sent.
public struct PolicyAdministrationErrorResponse: Sendable {
    /// The fixed message of server-side failures.
    public static let internalMessage = "the server could not complete the request"

    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The `code` member.
    public let code: String
    /// The `message` member.
    public let message: String
    /// Seconds for `Retry-After` (RFC 9110 §10.2.3), when the client may try again later.
    public var retryAfter: Int? = nil

    /// The response for a domain error.
    public init(_ error: PolicyAdministrationError) {
        let status = Self.status(of: error.code)
        self.status = status
        self.code = error.code.description
        self.message = status == .internalServerError ? Self.internalMessage : error.reason
        self.retryAfter = error.retryAfter
    }

    /// The response for an edge error.
    public init(_ error: HTTPServerError) {
        status = Self.status(of: error.code)
        code = error.code.description
        message = status == .internalServerError ? Self.internalMessage : error.reason
    }

    /// The response for any other failure: 500, `internalError`.
    init(unexpected error: any Error) {
        status = .internalServerError
        code = "internalError"
        message = Self.internalMessage
    }

    /// An error with its parts given, for APIs shaped like the STI-PA's that map their errors themselves.
    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON response.
    public var response: Response {
        ResponseBuilding.json(
            ResponseBuilding.object([("status", .string("error")), ("code", .string(code)), ("message", .string(message))]),
            status: status,
            headers: retryAfter.map { [.retryAfter: String($0)] } ?? [:]
        )
    }

    /// The HTTP status of each STI-PA error code (RFC 9110 §15).
    public static func status(of code: PolicyAdministrationError.Code) -> HTTPResponse.Status {
        switch code {
        case .malformedATC, .invalidAccount, .weakPassword, .invalidTrustList, .invalidRevocation:
            .badRequest
        case .invalidCredentials, .notAuthenticated:
            .unauthorized
        case .accountDisabled, .notAuthorised, .scopeNotHeld, .caNotAllowed, .delegationOutsideScope:
            .forbidden
        case .unknownAccount, .unknownUser, .unknownCustomer:
            .notFound
        case .duplicateAccount, .duplicateUser, .trustListConflict, .staleTrustList, .alreadyRevoked:
            .conflict
        case .tooManyAttempts:
            .tooManyRequests
        default:
            .internalServerError
        }
    }

    /// The HTTP status of each edge error code.
    static func status(of code: HTTPServerError.Code) -> HTTPResponse.Status {
        switch code {
        case .malformedRequest, .invalidName, .invalidChain: .badRequest
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .notAuthenticated: .unauthorized
        case .notFound: .notFound
        default: .internalServerError
        }
    }
}

/// Renders every error thrown by an STI-PA route through ``PolicyAdministrationErrorResponse``.
struct PolicyAdministrationErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PolicyAdministrationError {
            let rendered = PolicyAdministrationErrorResponse(error)
            if rendered.status == .internalServerError {
                context.logger.error("STI-PA failure", metadata: ["reason": .string(error.description)])
            }
            return rendered.response
        } catch let error as HTTPServerError {
            return PolicyAdministrationErrorResponse(error).response
        } catch {
            context.logger.error("STI-PA unexpected error", metadata: ["error": .string(String(describing: error))])
            return PolicyAdministrationErrorResponse(unexpected: error).response
        }
    }
}
