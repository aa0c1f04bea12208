import Foundation
import HTTPClient
import STIRTesting
import Testing

/// Records the waits the client asks for.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []
    var recorded: [Duration] { lock.withLock { waits } }
    func record(_ duration: Duration) { lock.withLock { waits.append(duration) } }
}

@Suite("ACME polling")
struct ACMEPollingTests {
    /// A server whose authorization stays pending for `pendingPolls` polls with `Retry-After`.
    static func server(pendingPolls: Int, retryAfter: String) async throws -> TestHTTPSServer {
        let polls = SleepRecorder()
        let server = try await TestHTTPSServer()
        let base = "https://localhost:\(server.port)"
        server.setHandler { request in
            var response: TestResponse
            switch request.path {
            case "/directory":
                response = TestResponse(body: Array(#"{"newAccount":"\#(base)/na","newNonce":"\#(base)/nn","newOrder":"\#(base)/no","revokeCert":"\#(base)/rc"}"#.utf8))
            case "/nn":
                response = TestResponse()
            default:
                polls.record(.zero)
                let status = polls.recorded.count > pendingPolls ? "valid" : "pending"
                response = TestResponse(headers: [("Retry-After", retryAfter)], body: Array(
                    #"{"challenges":[],"identifier":{"type":"TNAuthList","value":"x"},"status":"\#(status)"}"#.utf8
                ))
            }
            response.headers.append(("Replay-Nonce", "n-\(UInt64.random(in: 0...UInt64.max))"))
            return response
        }
        return server
    }

    static func client(_ server: TestHTTPSServer, transport: HTTPSClient, recorder: SleepRecorder, maximumPolls: Int = 5) -> ACMEClient {
        ACMEClient(
            configuration: .init(directoryURL: "https://localhost:\(server.port)/directory", pollInterval: .seconds(1), maximumRetryAfter: .seconds(10), maximumPolls: maximumPolls),
            accountKey: TestPKI.key("poller"), accountURL: "https://localhost:\(server.port)/acct/1", transport: transport,
            sleep: { recorder.record($0) }
        )
    }

    @Test("Retry-After is honoured within the cap", arguments: [("3", Duration.seconds(3)), ("600", .seconds(10)), ("soon", .seconds(1))])
    func retryAfter(_ header: String, _ expected: Duration) async throws {
        let server = try await Self.server(pendingPolls: 2, retryAfter: header)
        let transport = try HTTPSClient(configuration: .init(trustRoots: TestTLS.shared.trustRoots))
        let recorder = SleepRecorder()
        let authorization = try await Self.client(server, transport: transport, recorder: recorder)
            .waitUntilValid(authorization: "https://localhost:\(server.port)/authz/1")
        await transport.shutdown()
        await server.stop()
        #expect(authorization.status == "valid")
        #expect(recorder.recorded == [expected, expected])
    }

    @Test("polling stops at the bound")
    func bound() async throws {
        let server = try await Self.server(pendingPolls: 100, retryAfter: "1")
        let transport = try HTTPSClient(configuration: .init(trustRoots: TestTLS.shared.trustRoots))
        let recorder = SleepRecorder()
        let error = await #expect(throws: HTTPClientError.self) {
            try await Self.client(server, transport: transport, recorder: recorder, maximumPolls: 4)
                .waitUntilValid(authorization: "https://localhost:\(server.port)/authz/1")
        }
        await transport.shutdown()
        await server.stop()
        #expect(error?.code == .pollingExhausted)
        #expect(recorder.recorded.count == 4)
    }
}
