import Foundation

/// A complete HTTPS response (RFC 9110 §15): status, header fields and the body read within the
/// client's size cap.
public struct HTTPSResponse: Hashable, Sendable {
    /// The status code.
    public let status: Int
    /// Header fields in received order.
    public let headers: [HTTPHeaderField]
    /// The body.
    public let body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeaderField], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the field `name`, compared case-insensitively (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every value of the field `name`, in received order.
    public func headers(named name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The media type of `Content-Type` without parameters, lowercased (RFC 9110 §8.3.1).
    public var mediaType: String? {
        header("Content-Type").map { value in
            let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return type.trimmingCharacters(in: .whitespaces).lowercased()
        }
    }

    /// Whether the status is a redirect (RFC 9110 §15.4).
    public var isRedirect: Bool { (300...399).contains(status) }
}
