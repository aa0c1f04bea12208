import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The HTTPS transport of every client in this module: AsyncHTTPClient configured with explicit
/// trust roots (the sandbox's local TLS root, issue item 8), a connect timeout, a total deadline, a
/// body cap and no redirects unless asked for (ATIS-1000074 §5.3.1 forbids them for x5u).
///
/// Call ``shutdown()`` when done, or use ``withClient(_:_:)``.
public final class HTTPSClient: Sendable {
    /// The configuration.
    public let configuration: Configuration
    private let client: AsyncHTTPClient.HTTPClient

    /// Creates a client.
    ///
    /// - Throws: ``HTTPClientError/Code/invalidTrustRoot`` when the trust root PEM holds no certificate.
    public init(configuration: Configuration = Configuration()) throws(HTTPClientError) {
        self.configuration = configuration
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch configuration.trustRoots {
        case .system:
            break
        case .only(let pem):
            tls.trustRoots = .certificates(try Self.certificates(pem))
        case .systemAnd(let pem):
            tls.additionalTrustRoots = [.certificates(try Self.certificates(pem))]
        }
        var settings = AsyncHTTPClient.HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: configuration.followsRedirects ? .follow(max: 3, allowCycles: false) : .disallow,
            timeout: .init(connect: Self.timeAmount(configuration.connectTimeout), read: Self.timeAmount(configuration.totalTimeout)),
            decompression: .disabled
        )
        settings.dnsOverride = configuration.hostOverrides
        client = AsyncHTTPClient.HTTPClient(eventLoopGroup: AsyncHTTPClient.HTTPClient.defaultEventLoopGroup, configuration: settings)
    }

    /// Runs `body` with a client and shuts it down afterwards, whether `body` returns or throws.
    public static func withClient<T: Sendable>(
        _ configuration: Configuration, _ body: (HTTPSClient) async throws -> T
    ) async throws -> T {
        let client = try HTTPSClient(configuration: configuration)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Closes the connections; the client must not be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends a request and reads the whole response within the total deadline and the body cap.
    ///
    /// - Throws: ``HTTPClientError`` `invalidURL`, `connectionFailed`, `timedOut` or `bodyTooLarge`.
    public func send(_ request: HTTPSRequest) async throws(HTTPClientError) -> HTTPSResponse {
        guard request.url.lowercased().hasPrefix("https://") else {
            throw HTTPClientError(.invalidURL, "\(request.url) is not an https URL")
        }
        let total = configuration.totalTimeout
        do {
            return try await withThrowingTaskGroup(of: HTTPSResponse.self) { group in
                group.addTask { try await self.perform(request) }
                group.addTask {
                    try await Task.sleep(for: total)
                    throw HTTPClientError(.timedOut, "\(request.method) \(request.url) did not complete within \(total)")
                }
                defer { group.cancelAll() }
                guard let response = try await group.next() else {
                    throw HTTPClientError(.connectionFailed, "\(request.method) \(request.url) produced no response")
                }
                return response
            }
        } catch let error as HTTPClientError {
            throw error
        } catch {
            throw Self.translate(error, request)
        }
    }

    private func perform(_ request: HTTPSRequest) async throws -> HTTPSResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + Self.timeAmount(configuration.totalTimeout)
        let response = try await client.execute(outgoing, deadline: deadline)
        let limit = configuration.maximumBodySize
        if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > limit {
            throw HTTPClientError(.bodyTooLarge, "\(request.url) declares a \(declared)-byte body; the limit is \(limit)")
        }
        var buffer = try await response.body.collect(upTo: limit)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        return HTTPSResponse(
            status: Int(response.status.code),
            headers: response.headers.map { HTTPHeaderField($0.name, $0.value) },
            body: bytes
        )
    }

    private static func translate(_ error: any Error, _ request: HTTPSRequest) -> HTTPClientError {
        let target = "\(request.method) \(request.url)"
        if error is NIOTooManyBytesError {
            return HTTPClientError(.bodyTooLarge, "\(target): the body exceeds the size limit")
        }
        if let transport = error as? AsyncHTTPClient.HTTPClientError {
            let timeouts: [AsyncHTTPClient.HTTPClientError] = [.connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout]
            if timeouts.contains(transport) {
                return HTTPClientError(.timedOut, "\(target): \(transport)")
            }
            if transport == .invalidURL || transport == .emptyHost || transport == .emptyScheme {
                return HTTPClientError(.invalidURL, "\(target): \(transport)")
            }
            return HTTPClientError(.connectionFailed, "\(target): \(transport)")
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            return HTTPClientError(.timedOut, "\(target): \(channel)")
        }
        if error is CancellationError {
            return HTTPClientError(.timedOut, "\(target): cancelled")
        }
        return HTTPClientError(.connectionFailed, "\(target): \(error)")
    }

    private static func certificates(_ pem: [UInt8]) throws(HTTPClientError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(pem)
        } catch {
            throw HTTPClientError(.invalidTrustRoot, "the TLS trust root is not PEM certificates: \(error)")
        }
        guard !certificates.isEmpty else {
            throw HTTPClientError(.invalidTrustRoot, "the TLS trust root PEM holds no certificate")
        }
        return certificates
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
