import Hummingbird

/// Reads a request body up to a limit, refusing larger bodies without buffering them
/// (architecture guide anti-pattern 16: bounded input).
public enum RequestBodyReader {
    /// The outcome of a bounded read.
    public enum Outcome: Sendable {
        /// The whole body.
        case complete([UInt8])
        /// The body (or its declared `Content-Length`) is larger than the limit.
        case tooLarge(Int)
    }

    /// Reads the body of `request`, stopping as soon as it exceeds `limit` bytes.
    public static func read(_ request: Request, limit: Int) async throws -> Outcome {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return .tooLarge(declared)
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else {
                return .tooLarge(bytes.count + buffer.readableBytes)
            }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return .complete(bytes)
    }
}
