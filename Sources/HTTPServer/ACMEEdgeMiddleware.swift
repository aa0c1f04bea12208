import ACMECore
import HTTPTypes
import Hummingbird
import Logging

/// The HTTP rules every ACME response and request share (RFC 8555 §6.2, §6.5, §7.1): POSTs must be
/// `application/jose+json` (else `malformed` with 415) and must not carry a `Replay-Nonce` header;
/// every response carries a fresh `Replay-Nonce` and `Link: <directory>;rel="index"`; every error
/// becomes a problem document through ``ACMEProblemDocument``, and an error that is not an
/// ``ACMEError`` is logged and shown as `serverInternal` without its details.
struct ACMEEdgeMiddleware<Context: RequestContext>: RouterMiddleware {
    let service: ACMEService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            if request.method == .post { try Self.checkHeaders(request) }
            response = try await next(request, context)
        } catch let error as ACMEError {
            if error.code == .serverInternal {
                context.logger.error("ACME internal error", metadata: ["reason": .string(error.reason)])
            }
            response = ACMEProblemDocument(error: error).response()
        } catch {
            context.logger.error("ACME unexpected error", metadata: ["error": .string(String(describing: error))])
            response = ACMEProblemDocument(error: .serverInternal(String(describing: error))).response()
        }
        if response.headers[.replayNonce] == nil {
            do {
                response.headers[.replayNonce] = try await service.newNonce()
            } catch {
                context.logger.error("ACME nonce store failed", metadata: ["reason": .string(error.reason)])
                response = ACMEProblemDocument(error: error).response()
            }
        }
        response.headers.append(HTTPField(name: .link, value: "<\(service.linker.directory)>;rel=\"index\""))
        return response
    }

    /// The header checks of RFC 8555 §6.2 (media type) and Boulder's WFE (no `Replay-Nonce` request header).
    static func checkHeaders(_ request: Request) throws(ACMEError) {
        guard MediaType.matches(request.headers[.contentType], MediaType.joseJSON) else {
            throw ACMEError(
                .malformed, "ACME requests must have Content-Type application/jose+json (RFC 8555 §6.2)", httpStatus: 415
            )
        }
        guard request.headers[.replayNonce] == nil else {
            throw ACMEError(.malformed, "a Replay-Nonce request header is not allowed; put the nonce in the JWS header (RFC 8555 §6.5)")
        }
    }
}
