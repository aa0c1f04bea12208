import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A request as the test server received it.
struct TestRequest: Sendable {
    let method: String
    let path: String
    let headers: [(String, String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// A response for the test server to send.
struct TestResponse: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = []
    var body: [UInt8] = []
}

/// A minimal HTTPS/1.1 server on a real loopback socket, with TLS from ``TestTLS``; each request
/// is answered by the current handler.
final class TestHTTPSServer: Sendable {
    typealias Handler = @Sendable (TestRequest) async -> TestResponse

    private let channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let handlerBox: HandlerBox
    private let acceptTask: Task<Void, Never>
    let port: Int

    private final class HandlerBox: @unchecked Sendable {
        private let lock = NSLock()
        private var handler: Handler
        private var count = 0
        init(_ handler: @escaping Handler) { self.handler = handler }
        var current: Handler { lock.withLock { handler } }
        func set(_ handler: @escaping Handler) { lock.withLock { self.handler = handler } }
        func increment() { lock.withLock { count += 1 } }
        var requests: Int { lock.withLock { count } }
    }

    /// How many requests were received.
    var requestCount: Int { handlerBox.requests }

    init(_ handler: @escaping Handler = { _ in TestResponse(status: 404) }) async throws {
        let context = try TestTLS.shared.serverContext()
        let box = HandlerBox(handler)
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: child)
                }
            }
        port = channel.channel.localAddress?.port ?? 0
        handlerBox = box
        let server = channel
        acceptTask = Task {
            try? await server.executeThenClose { inbound in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in inbound {
                            group.addTask { await Self.serve(connection, box) }
                        }
                    } catch {}
                }
            }
        }
    }

    func setHandler(_ handler: @escaping Handler) { handlerBox.set(handler) }

    /// Closes the listening socket. The accept loop then drains and serves the connections already
    /// accepted and ends by itself; it is not cancelled, because a child channel accepted but never
    /// taken from the stream is dropped with its writer unfinished, which NIO treats as a fatal error.
    func stop() async {
        try? await channel.channel.close()
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, _ box: HandlerBox
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body = []
                case .body(let buffer):
                    body += Array(buffer.readableBytesView)
                case .end:
                    guard let head else { continue }
                    box.increment()
                    let request = TestRequest(method: head.method.rawValue, path: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
                    let response = await box.current(request)
                    var headers = HTTPHeaders(response.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: response.status), headers: headers)))
                    if !response.body.isEmpty, head.method != .HEAD {
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                    }
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}
