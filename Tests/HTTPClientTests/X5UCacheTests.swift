import Foundation
import HTTPClient
import STIRServices
import STIRTesting
import Testing

@Suite("x5u cache")
struct X5UCacheTests {
    static func counting(cacheControl: String?) async throws -> TestHTTPSServer {
        try await TestHTTPSServer { _ in
            (try? X5UFetcherTests.pemResponse(cacheControl: cacheControl)) ?? TestResponse(status: 500)
        }
    }

    @Test("without directives a chain is reused for 24 hours and fetched again after", arguments: [nil, "max-age=60", "no-store", "max-age=abc"])
    func dayFloor(_ cacheControl: String?) async throws {
        let server = try await Self.counting(cacheControl: cacheControl)
        defer { Task { await server.stop() } }
        let clock = TestClock()
        let fetcher = X5UFetcherTests.fetcher(port: server.port, clock: clock)
        let url = "https://localhost:\(server.port)/sp.pem"
        _ = try await fetcher.fetchChain(x5u: url)
        clock.advance(86_400 - 1)
        _ = try await fetcher.fetchChain(x5u: url)
        #expect(server.requestCount == 1)
        clock.advance(2)
        _ = try await fetcher.fetchChain(x5u: url)
        #expect(server.requestCount == 2)
    }

    @Test("a max-age above 24 hours is honoured")
    func longMaxAge() async throws {
        let server = try await Self.counting(cacheControl: "public, max-age=172800")
        defer { Task { await server.stop() } }
        let clock = TestClock()
        let fetcher = X5UFetcherTests.fetcher(port: server.port, clock: clock)
        let url = "https://localhost:\(server.port)/sp.pem"
        _ = try await fetcher.fetchChain(x5u: url)
        clock.advance(172_800 - 10)
        _ = try await fetcher.fetchChain(x5u: url)
        #expect(server.requestCount == 1)
        clock.advance(20)
        _ = try await fetcher.fetchChain(x5u: url)
        #expect(server.requestCount == 2)
    }

    @Test("a cached chain never outlives its earliest notAfter")
    func notAfterCap() async throws {
        let server = try await Self.counting(cacheControl: "max-age=604800")
        defer { Task { await server.stop() } }
        let chain = X5UFetcherTests.pki.chain(for: X5UFetcherTests.pki.endEntity)
        let earliest = chain.map(\.notValidAfter).min() ?? Date()
        let clock = TestClock(earliest - 3_600)
        let fetcher = X5UFetcherTests.fetcher(port: server.port, clock: clock)
        let url = "https://localhost:\(server.port)/sp.pem"
        _ = try await fetcher.fetchChain(x5u: url)
        clock.advance(3_601)
        _ = try await fetcher.fetchChain(x5u: url)
        #expect(server.requestCount == 2)
    }

    @Test("concurrent requests for one URL share one download")
    func singleFlight() async throws {
        let server = try await TestHTTPSServer { _ in
            try? await Task.sleep(for: .milliseconds(300))
            return (try? X5UFetcherTests.pemResponse()) ?? TestResponse(status: 500)
        }
        defer { Task { await server.stop() } }
        let fetcher = X5UFetcherTests.fetcher(port: server.port)
        let url = "https://localhost:\(server.port)/sp.pem"
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await fetcher.fetchChain(x5u: url).count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 16 && counts.allSatisfy { $0 == counts[0] })
        #expect(server.requestCount == 1)
        #expect(await fetcher.downloadCount == 1)
    }

    @Test("a flood of unique URLs does not evict a hot entry and the cache stays bounded")
    func floodResistance() async throws {
        let server = try await Self.counting(cacheControl: nil)
        defer { Task { await server.stop() } }
        let clock = TestClock()
        let fetcher = HTTPCertificateChainFetcher(
            configuration: .init(
                policy: X5UPolicy(allowedPorts: [server.port]), allowedHosts: ["localhost"], trustRoots: TestTLS.shared.trustRoots,
                negativeCacheLifetime: 0, cacheCapacity: 5
            ),
            resolver: StaticHostResolver(["localhost": [.v4([127, 0, 0, 1])]]), now: { clock.now }
        )
        let hot = "https://localhost:\(server.port)/hot.pem"
        _ = try await fetcher.fetchChain(x5u: hot)
        _ = try await fetcher.fetchChain(x5u: hot)
        for index in 0..<20 {
            _ = try await fetcher.fetchChain(x5u: "https://localhost:\(server.port)/flood-\(index).pem")
        }
        #expect(await fetcher.cachedCount == 5)
        let before = server.requestCount
        _ = try await fetcher.fetchChain(x5u: hot)
        #expect(server.requestCount == before)
    }

    @Test("a failed fetch is answered from the negative cache for its lifetime")
    func negativeCache() async throws {
        let server = try await TestHTTPSServer { _ in TestResponse(status: 500) }
        defer { Task { await server.stop() } }
        let clock = TestClock()
        let fetcher = HTTPCertificateChainFetcher(
            configuration: .init(policy: X5UPolicy(allowedPorts: [server.port]), allowedHosts: ["localhost"], trustRoots: TestTLS.shared.trustRoots, negativeCacheLifetime: 30),
            resolver: StaticHostResolver(["localhost": [.v4([127, 0, 0, 1])]]), now: { clock.now }
        )
        let url = "https://localhost:\(server.port)/down.pem"
        for _ in 0..<3 { await #expect(throws: HTTPClientError.self) { try await fetcher.fetchChain(x5u: url) } }
        #expect(server.requestCount == 1)
        clock.advance(31)
        await #expect(throws: HTTPClientError.self) { try await fetcher.fetchChain(x5u: url) }
        #expect(server.requestCount == 2)
    }
}
