import App
import ArgumentParser
import Foundation
import HTTPClient
import JOSE

/// Where the STI-PA is and the operator secret: from a sandbox's endpoints.json, or given.
struct PaServerOptions: ParsableArguments {
    @Option(name: .long, help: "A sandbox data directory to read endpoints.json from.")
    var sandbox: String = SandboxCommand.defaultDataDirectory
    @Option(name: .long, help: "The STI-PA base URL (default: the sandbox's).")
    var server: String?
    @Option(name: .long, help: "The TLS root to trust, PEM (default: the sandbox's).")
    var trust: String?
    @Option(name: .long, help: "The operator secret (default: the sandbox's).")
    var adminSecret: String?

    struct Resolved {
        let server: String
        let trust: String
        let adminSecret: String
        let trustListSigner: String?
    }

    func resolve() throws -> Resolved {
        if let server, let trust, let adminSecret {
            return Resolved(server: server, trust: trust, adminSecret: adminSecret, trustListSigner: nil)
        }
        let endpoints = try SandboxEndpoints.load(dataDirectory: sandbox)
        return Resolved(
            server: server ?? endpoints.policyAdministrator, trust: trust ?? endpoints.tlsRootPath,
            adminSecret: adminSecret ?? endpoints.adminSecret, trustListSigner: endpoints.trustListSignerPath
        )
    }

    /// POSTs `members` as JSON to `path` with the operator secret and returns the response object.
    func post(_ path: String, _ members: [JSONObject.Member]) async throws -> JSONObject {
        let resolved = try resolve()
        let transport = try HTTPSClient(configuration: .init(trustRoots: try .pemFile(resolved.trust)))
        let response: HTTPSResponse
        do {
            response = try await transport.send(HTTPSRequest(
                method: "POST", url: resolved.server + path,
                headers: [HTTPHeaderField("Content-Type", "application/json"), HTTPHeaderField("Authorization", "Bearer " + resolved.adminSecret)],
                body: CanonicalJSON.encode(.object(try JSONObject(members)))
            ))
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            throw error
        }
        let object = (try? StrictJSONParser().parse(response.body))?.objectValue
        guard (200...299).contains(response.status), let object else {
            let message = object?["message"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            throw ShakenCLIError(.checkFailed, "the STI-PA answered \(response.status): \(message)")
        }
        return object
    }
}
