import Foundation
import HTTPClient
import X509

/// Complete ACME issuances through the real stack (RFC 8555 §7.4 over HTTPS): one ``ACMEClient``
/// per account, each with its own ``HTTPSClient`` connection pool, against ``IssuanceHTTPServer``.
/// Tokens, CSRs and accounts are those of an ``IssuanceWorkload`` prepared before timing.
struct IssuanceHTTPWorkload: Sendable {
    let workload: IssuanceWorkload
    let clients: [ACMEClient]
    let transports: [HTTPSClient]
    let csrs: [CertificateSigningRequest]

    /// Clients for every prepared account, each registered (`onlyReturnExisting`) before timing so
    /// that its TLS connection, directory and first nonce are in place.
    init(workload: IssuanceWorkload, server: IssuanceHTTPServer) async throws {
        self.workload = workload
        let directory = IssuanceHTTPServer.baseURL(port: server.port) + "/directory"
        var clients: [ACMEClient] = []
        var transports: [HTTPSClient] = []
        do {
            for (index, key) in workload.accountKeys.enumerated() {
                let transport = try HTTPSClient(configuration: .init(
                    trustRoots: .only(pem: Array(server.rootPEM.utf8)), hostOverrides: [IssuanceHTTPServer.host: "127.0.0.1"]
                ))
                transports.append(transport)
                let client = ACMEClient(
                    configuration: .init(directoryURL: directory, pollInterval: .milliseconds(10)), accountKey: key,
                    accountURL: workload.accountURLs[index], transport: transport
                )
                let account = try await client.register(onlyReturnExisting: true)
                guard account.url == workload.accountURLs[index] else {
                    throw BenchmarkError.failed("account \(index) is \(account.url) over HTTPS, not \(workload.accountURLs[index])")
                }
                clients.append(client)
            }
        } catch {
            for transport in transports { await transport.shutdown() }
            throw error
        }
        self.clients = clients
        self.transports = transports
        csrs = try workload.prepared.map { try CertificateSigningRequest(derEncoded: $0.csrDER) }
    }

    /// newOrder → authorization → tkauth-01 response → finalize → certificate download, timed per step.
    func issue(_ index: Int) async throws -> IssuanceWorkload.Outcome {
        let clock = ContinuousClock()
        let item = workload.prepared[index]
        let client = clients[item.account]
        var steps: [Double] = []

        var start = clock.now
        let order = try await client.newOrder(for: item.list)
        steps.append((clock.now - start).seconds)

        start = clock.now
        guard let authorizationURL = order.authorizations.first else { throw BenchmarkError.failed("order without authorization") }
        let authorization = try await client.authorization(at: authorizationURL)
        guard let challenge = authorization.tkauthChallenge else { throw BenchmarkError.failed("authorization without tkauth-01") }
        let answered = try await client.respond(to: challenge, token: item.token)
        guard answered.status == "valid" else { throw BenchmarkError.failed("issuance \(index): challenge \(answered.status)") }
        steps.append((clock.now - start).seconds)

        start = clock.now
        let finalized = try await client.finalize(order, csr: csrs[index])
        guard let certificateURL = finalized.certificate else { throw BenchmarkError.failed("issuance \(index): no certificate URL") }
        steps.append((clock.now - start).seconds)

        start = clock.now
        let chain = try await client.downloadChain(at: certificateURL)
        steps.append((clock.now - start).seconds)
        return IssuanceWorkload.Outcome(index: index, steps: steps, chain: .certificates(chain))
    }

    /// Closes every client connection.
    func shutdown() async {
        for transport in transports { await transport.shutdown() }
    }
}
