/// The single error type of the ACMECore module: an RFC 8555 §6.7 problem (a type, a detail and
/// optional subproblems, §6.7.1).
///
/// Domain code throws these; turning one into an `application/problem+json` document (RFC 7807)
/// happens at the HTTP edge, using ``Code/urn`` and ``httpStatus``. Two errors are equal when their
/// codes are equal. The detail of ``Code/serverInternal`` is for logs: the edge must not show it.
public struct ACMEError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problem type (RFC 8555 §6.7).
    public let code: Code
    /// The human-readable detail (RFC 7807 §3.1 `detail`).
    public let reason: String
    /// Per-identifier problems (RFC 8555 §6.7.1).
    public let subproblems: [ACMESubproblem]
    /// For ``Code/badSignatureAlgorithm``: the accepted `alg` values (RFC 8555 §6.2).
    public let algorithms: [String]
    /// The HTTP status the edge sends: the type's default unless a check chose another (e.g. 404, 409).
    public let httpStatus: Int

    /// Creates a problem with the type's default HTTP status.
    public init(_ code: Code, _ reason: String, subproblems: [ACMESubproblem] = [], algorithms: [String] = []) {
        self.init(code, reason, httpStatus: code.defaultHTTPStatus, subproblems: subproblems, algorithms: algorithms)
    }

    /// Creates a problem with an explicit HTTP status.
    public init(_ code: Code, _ reason: String, httpStatus: Int, subproblems: [ACMESubproblem] = [], algorithms: [String] = []) {
        self.code = code
        self.reason = reason
        self.subproblems = subproblems
        self.algorithms = algorithms
        self.httpStatus = httpStatus
    }

    /// A resource that does not exist, or that the requester may not see: `malformed` with 404.
    public static func notFound(_ what: String) -> ACMEError {
        ACMEError(.malformed, "\(what) does not exist", httpStatus: 404)
    }

    /// An unexpected failure in a dependency (storage, signer), with the cause for logs.
    public static func serverInternal(_ reason: String) -> ACMEError {
        ACMEError(.serverInternal, reason)
    }

    /// `ACMEError.<type>: <detail>`.
    public var description: String { "ACMEError.\(code): \(reason)" }

    /// Errors are equal when their codes are equal.
    public static func == (lhs: ACMEError, rhs: ACMEError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// One entry of a problem's `subproblems` list (RFC 8555 §6.7.1).
public struct ACMESubproblem: Hashable, Sendable {
    /// The subproblem type.
    public let code: ACMEError.Code
    /// Its detail.
    public let detail: String
    /// The identifier it concerns, as `(type, value)`.
    public let identifier: TNAuthListIdentifier?

    /// Creates a subproblem.
    public init(code: ACMEError.Code, detail: String, identifier: TNAuthListIdentifier?) {
        self.code = code
        self.detail = detail
        self.identifier = identifier
    }
}
