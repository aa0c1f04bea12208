import Foundation
import HTTPClient
import STIRServices
import STIRTesting
import Testing
import X509

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date
    init(_ time: Date = TestPKI.defaultReferenceTime) { self.time = time }
    var now: Date { lock.withLock { time } }
    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
}

@Suite("x5u fetcher over loopback HTTPS")
struct X5UFetcherTests {
    static let pki: TestPKI = {
        do { return try TestPKI() } catch { preconditionFailure("TestPKI: \(error)") }
    }()

    static var chainPEM: [UInt8] {
        get throws { Array(try PEMCertificateChain.serialize(pki.chain(for: pki.endEntity)).utf8) }
    }

    static func pemResponse(cacheControl: String? = nil) throws -> TestResponse {
        var headers = [("Content-Type", "application/pem-certificate-chain")]
        if let cacheControl { headers.append(("Cache-Control", cacheControl)) }
        return TestResponse(status: 200, headers: headers, body: try chainPEM)
    }

    /// A fetcher for `https://localhost:<port>/…` with localhost allow-listed.
    static func fetcher(port: Int, clock: TestClock = TestClock(), allowed: Set<String> = ["localhost"], totalTimeout: Duration = .seconds(4)) -> HTTPCertificateChainFetcher {
        HTTPCertificateChainFetcher(
            configuration: .init(
                policy: X5UPolicy(allowedPorts: [port]), allowedHosts: allowed, trustRoots: TestTLS.shared.trustRoots,
                totalTimeout: totalTimeout, negativeCacheLifetime: 0
            ),
            resolver: StaticHostResolver(["localhost": [.v4([127, 0, 0, 1])], "evil.test": [.v4([127, 0, 0, 1])], "x5u.test": [.v4([10, 0, 0, 5])]]),
            now: { clock.now }
        )
    }

    @Test("a PEM chain served with application/pem-certificate-chain is fetched leaf first")
    func fetchesChain() async throws {
        let server = try await TestHTTPSServer { _ in (try? Self.pemResponse()) ?? TestResponse(status: 500) }
        defer { Task { await server.stop() } }
        let chain = try await Self.fetcher(port: server.port).fetchChain(x5u: "https://localhost:\(server.port)/sp.pem")
        #expect(chain == Self.pki.chain(for: Self.pki.endEntity))
    }

    @Test("application/x-pem-file is tolerated")
    func toleratesXPEMFile() async throws {
        let server = try await TestHTTPSServer { _ in
            TestResponse(status: 200, headers: [("Content-Type", "application/x-pem-file")], body: (try? Self.chainPEM) ?? [])
        }
        defer { Task { await server.stop() } }
        let chain = try await Self.fetcher(port: server.port).fetchChain(x5u: "https://localhost:\(server.port)/sp.pem")
        #expect(chain.count == Self.pki.chain(for: Self.pki.endEntity).count)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let response: TestResponse
        let code: HTTPClientError.Code
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "redirect", path: "/moved.pem", response: TestResponse(status: 302, headers: [("Location", "https://localhost/other.pem")]), code: .redirectRefused),
        Refusal(name: "non-200", path: "/missing.pem", response: TestResponse(status: 404), code: .unexpectedStatus),
        Refusal(name: "204 without body", path: "/empty.pem", response: TestResponse(status: 204), code: .unexpectedStatus),
        Refusal(name: "oversize body", path: "/big.pem", response: TestResponse(status: 200, headers: [("Content-Type", "application/pem-certificate-chain")], body: [UInt8](repeating: 0x41, count: 40_000)), code: .bodyTooLarge),
        Refusal(name: "wrong content type", path: "/c.pem", response: TestResponse(status: 200, headers: [("Content-Type", "text/html")], body: Array("<html/>".utf8)), code: .wrongContentType),
        Refusal(name: "no content type", path: "/c.pem", response: TestResponse(status: 200, body: Array("x".utf8)), code: .wrongContentType),
        Refusal(name: "non-PEM body", path: "/c.pem", response: TestResponse(status: 200, headers: [("Content-Type", "application/pem-certificate-chain")], body: Array("not a certificate".utf8)), code: .emptyChain),
        Refusal(name: "PEM of a private key", path: "/c.pem", response: TestResponse(status: 200, headers: [("Content-Type", "application/pem-certificate-chain")], body: Array(TestPKI.key("x").pemRepresentation.utf8)), code: .malformedPEM),
        Refusal(name: "PEM block with garbage DER", path: "/c.pem", response: TestResponse(status: 200, headers: [("Content-Type", "application/pem-certificate-chain")], body: Array("-----BEGIN CERTIFICATE-----\nAAECAw==\n-----END CERTIFICATE-----\n".utf8)), code: .malformedPEM),
    ]

    @Test("each transport rule refuses with its own code", arguments: refusals)
    func refuses(_ refusal: Refusal) async throws {
        let server = try await TestHTTPSServer { _ in refusal.response }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: HTTPClientError.self) {
            try await Self.fetcher(port: server.port).fetchChain(x5u: "https://localhost:\(server.port)\(refusal.path)")
        }
        #expect(error?.code == refusal.code, "\(String(describing: error))")
    }

    @Test("URL rules refuse before any connection", arguments: [
        ("http://localhost:PORT/a.pem", HTTPClientError.Code.invalidURL),
        ("https://localhost:1/a.pem", .invalidURL),
        ("https://user@localhost:PORT/a.pem", .invalidURL),
        ("https://localhost:PORT/a.pem?x=1", .invalidURL),
        ("https://localhost:PORT/a.pem#f", .invalidURL),
        ("https://127.0.0.1:PORT/a.pem", .addressNotAllowed),
        ("https://[::1]:PORT/a.pem", .addressNotAllowed),
        ("https://evil.test:PORT/a.pem", .addressNotAllowed),
        ("https://x5u.test:PORT/a.pem", .addressNotAllowed),
    ])
    func refusesURL(_ template: String, _ code: HTTPClientError.Code) async throws {
        let server = try await TestHTTPSServer { _ in (try? Self.pemResponse()) ?? TestResponse(status: 500) }
        defer { Task { await server.stop() } }
        let url = template.replacingOccurrences(of: "PORT", with: String(server.port))
        let error = await #expect(throws: HTTPClientError.self) { try await Self.fetcher(port: server.port).fetchChain(x5u: url) }
        #expect(error?.code == code, "\(String(describing: error))")
        #expect(server.requestCount == 0)
    }

    @Test("an allow-listed IP literal is fetched")
    func allowListedLiteral() async throws {
        let server = try await TestHTTPSServer { _ in (try? Self.pemResponse()) ?? TestResponse(status: 500) }
        defer { Task { await server.stop() } }
        let fetcher = Self.fetcher(port: server.port, allowed: ["127.0.0.1"])
        let chain = try await fetcher.fetchChain(x5u: "https://127.0.0.1:\(server.port)/sp.pem")
        #expect(!chain.isEmpty)
    }

    @Test("a server slower than the total deadline times out")
    func slowServerTimesOut() async throws {
        // The server would answer only after 30 s; the fetch must end on its own 500 ms deadline, far
        // sooner. The bound below is loose on purpose: on a loaded 2-core machine timers fire late.
        let server = try await TestHTTPSServer { _ in
            try? await Task.sleep(for: .seconds(30))
            return (try? Self.pemResponse()) ?? TestResponse(status: 500)
        }
        defer { Task { await server.stop() } }
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPClientError.self) {
            try await Self.fetcher(port: server.port, totalTimeout: .milliseconds(500)).fetchChain(x5u: "https://localhost:\(server.port)/slow.pem")
        }
        #expect(error?.code == .timedOut, "\(String(describing: error))")
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test("a server whose certificate is not under the trust root is refused")
    func untrustedServer() async throws {
        let server = try await TestHTTPSServer { _ in (try? Self.pemResponse()) ?? TestResponse(status: 500) }
        defer { Task { await server.stop() } }
        let fetcher = HTTPCertificateChainFetcher(
            configuration: .init(policy: X5UPolicy(allowedPorts: [server.port]), allowedHosts: ["localhost"],
                                 trustRoots: .only(pem: Array(try Self.pki.root.certificate.serializeAsPEM().pemString.utf8))),
            resolver: StaticHostResolver(["localhost": [.v4([127, 0, 0, 1])]]), now: { TestPKI.defaultReferenceTime }
        )
        let error = await #expect(throws: HTTPClientError.self) { try await fetcher.fetchChain(x5u: "https://localhost:\(server.port)/sp.pem") }
        #expect(error?.code == .connectionFailed)
    }
}
