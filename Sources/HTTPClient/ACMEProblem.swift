import JOSE

/// A problem document received from an ACME server (RFC 8555 §6.7, RFC 7807 §3):
/// `{"type":"urn:ietf:params:acme:error:badNonce","detail":"…","status":400}`.
public struct ACMEProblem: Hashable, Sendable, CustomStringConvertible {
    /// The URN prefix of ACME error types (RFC 8555 §6.7).
    public static let acmeErrorPrefix = "urn:ietf:params:acme:error:"

    /// The full `type` URI, e.g. `urn:ietf:params:acme:error:unauthorized`.
    public let type: String
    /// The `detail`, or an empty string when absent.
    public let detail: String
    /// The `status` member, or the HTTP status when the member is absent.
    public let status: Int
    /// Nested problems (RFC 8555 §6.7.1), without their identifiers.
    public let subproblems: [ACMEProblem]

    /// Creates a problem.
    public init(type: String, detail: String, status: Int, subproblems: [ACMEProblem] = []) {
        self.type = type
        self.detail = detail
        self.status = status
        self.subproblems = subproblems
    }

    /// The ACME error name after the URN prefix (`badNonce`), or `nil` for a non-ACME type.
    public var acmeErrorName: String? {
        type.hasPrefix(Self.acmeErrorPrefix) ? String(type.dropFirst(Self.acmeErrorPrefix.count)) : nil
    }

    /// Whether the type is `urn:ietf:params:acme:error:<name>`.
    public func isACMEError(_ name: String) -> Bool { acmeErrorName == name }

    /// `<type>: <detail>`.
    public var description: String { detail.isEmpty ? type : type + ": " + detail }

    /// Reads a problem object; a missing `type` becomes `about:blank` (RFC 7807 §4.2).
    init(jsonObject object: JSONObject, httpStatus: Int) {
        type = object["type"]?.stringValue ?? "about:blank"
        detail = object["detail"]?.stringValue ?? ""
        status = object["status"]?.integerValue.map { Int($0) } ?? httpStatus
        subproblems = (object["subproblems"]?.arrayValue ?? []).compactMap { value in
            value.objectValue.map { ACMEProblem(jsonObject: $0, httpStatus: httpStatus) }
        }
    }
}
