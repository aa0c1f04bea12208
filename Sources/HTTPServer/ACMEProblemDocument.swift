import ACMECore
import HTTPTypes
import Hummingbird
import JOSE

/// The one mapping from ``ACMEError`` to an `application/problem+json` response (RFC 8555 §6.7,
/// RFC 7807 §3): `type` is the error's URN, `detail` its reason, `status` its HTTP status, plus
/// `subproblems` (§6.7.1) and `algorithms` (§6.2) when present.
///
/// A `serverInternal` problem never shows its reason: the client sees a fixed detail and the cause
/// stays in the server's logs (architecture guide §1.8, boulder `web/probs.go`).
public struct ACMEProblemDocument: Sendable {
    /// The fixed detail of internal errors.
    public static let internalDetail = "the server could not complete the request"

    /// The error rendered.
    public let error: ACMEError

    /// Wraps an error for rendering.
    public init(error: ACMEError) {
        self.error = error
    }

    /// The HTTP status: the error's, or 500 for an internal error.
    public var status: HTTPResponse.Status {
        error.code == .serverInternal ? .internalServerError : HTTPResponse.Status(code: error.httpStatus)
    }

    /// The detail shown to the client.
    public var detail: String {
        error.code == .serverInternal ? Self.internalDetail : error.reason
    }

    /// The problem document.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(error.code.urn)),
            ("detail", .string(detail)),
            ("status", .integer(Int64(status.code))),
        ]
        if !error.subproblems.isEmpty {
            members.append(("subproblems", .array(error.subproblems.map(Self.subproblem))))
        }
        if !error.algorithms.isEmpty {
            members.append(("algorithms", .array(error.algorithms.map(JSONValue.string))))
        }
        return ResponseBuilding.object(members)
    }

    /// The problem as an embedded `error` member of an order or challenge (RFC 8555 §7.1.3, §8).
    var embedded: JSONValue { json }

    /// The response, with `headers` added (the ACME middleware adds `Replay-Nonce` and `Link`).
    public func response(headers: HTTPFields = [:]) -> Response {
        ResponseBuilding.bytes(CanonicalJSON.encode(json), status: status, contentType: MediaType.problemJSON, headers: headers)
    }

    private static func subproblem(_ problem: ACMESubproblem) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(problem.code.urn)), ("detail", .string(problem.detail))]
        if let identifier = problem.identifier {
            members.append(("identifier", ACMEResourceJSON.identifier(identifier)))
        }
        return ResponseBuilding.object(members)
    }
}
