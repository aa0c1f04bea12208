import ACMECore
import Hummingbird

extension RequestBodyReader {
    /// The JWS body of an ACME POST (RFC 8555 §6.2), at most `limit` bytes.
    ///
    /// - Throws: ``ACMEError`` `malformed` with HTTP status 413 (RFC 9110 §15.5.14) for a larger body,
    ///   or the body stream's error.
    public static func acmeBody(_ request: Request, limit: Int) async throws -> [UInt8] {
        switch try await read(request, limit: limit) {
        case .complete(let bytes):
            return bytes
        case .tooLarge(let size):
            throw ACMEError(.malformed, "request body of \(size) bytes exceeds \(limit)", httpStatus: 413)
        }
    }
}
