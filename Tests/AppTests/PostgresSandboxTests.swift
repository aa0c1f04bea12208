import App
import Crypto
import Foundation
import HTTPClient
import STIRCertificates
import Testing
import X509

/// The sandbox with its authorities on PostgreSQL (`SHAKEN_TEST_POSTGRES_URL`; CI always sets it).
@Suite(
    "Sandbox on PostgreSQL", .serialized,
    .enabled(if: PostgresTestDatabase.url != nil, "SHAKEN_TEST_POSTGRES_URL is not set: the sandbox-on-PostgreSQL tests need a server (docs/testing.md)")
)
struct PostgresSandboxTests {
    @Test("A sandbox on PostgreSQL starts, provisions and issues a delegate certificate; restarted without --database it resumes with its records")
    func startsIssuesAndResumes() async throws {
        try await PostgresTestDatabase.withDatabase { database in
            let first = try await SandboxHarness.start(database: database)
            defer { first.remove() }
            let accountKey = P256.Signing.PrivateKey()
            let issuance = try await first.stopping { _ -> ACMEIssuance in
                let storage = try #require(first.endpoints.storage)
                #expect(storage.engine == "postgres")
                #expect(storage.database == (try database.location()) && storage.database?.contains("shaken:shaken@") == false)
                #expect([storage.policyAdministrator, storage.certificationAuthority, storage.subordinateAuthority] == database.schemas)
                for folder in ["pa", "ca", "sca"] {
                    #expect(!FileManager.default.fileExists(atPath: "\(first.directory)/\(folder)/shaken.sqlite"), "\(folder) opened SQLite")
                }
                for schema in database.schemas { #expect(try await PostgresTestDatabase.exists(schema)) }
                let recorded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first.directory + "/sandbox.json"))) as? [String: Any]
                #expect((recorded?["database"] as? [String: Any])?["schemaPrefix"] as? String == database.schemaPrefix)
                let issuance = try await Self.issueDelegate(first.endpoints, accountKey: accountKey)
                #expect(issuance.chain.count == 3)
                return issuance
            }

            let second = try await SandboxHarness.start(directory: first.directory)
            try await second.stopping { _ in
                #expect(second.progress.first?.hasPrefix("Resuming") == true)
                #expect(!second.progress.contains { $0.contains("order, tkauth-01, finalize") })
                #expect(second.endpoints == first.endpoints)
                let endpoints = second.endpoints
                try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
                    // The STI-SCA's ACME account and certificate records come back from PostgreSQL.
                    let acme = ACMEClient(configuration: .init(directoryURL: endpoints.subordinateAuthorityDirectory), accountKey: accountKey, transport: transport)
                    let account = try await acme.register(onlyReturnExisting: true)
                    #expect(!account.created && account.url.hasPrefix(endpoints.subordinateAuthority))
                    let certificateURL = try #require(issuance.order.certificate)
                    #expect(try await acme.downloadChain(at: certificateURL) == issuance.chain)
                    // The demo accounts' credentials too.
                    try await STIPAClient(baseURL: endpoints.policyAdministrator, transport: transport)
                        .login(userID: endpoints.provider.userID, password: endpoints.provider.password)
                    try await STIPAClient(baseURL: endpoints.subordinateAuthority, transport: transport)
                        .login(userID: endpoints.enterprise.userID, password: endpoints.enterprise.password)
                }
                let again = try await Self.issueDelegate(endpoints, accountKey: accountKey)
                #expect(again.chain.first?.serialNumber != issuance.chain.first?.serialNumber)
            }
        }
    }

    @Test("A second sandbox (another data directory) on the same database and schemas is refused with inUse naming the database; once the first stopped, a new directory is refused the schemas it did not create")
    func secondSandboxRefused() async throws {
        try await PostgresTestDatabase.withDatabase { database in
            let first = try await SandboxHarness.start(database: database)
            defer { first.remove() }
            let other = SandboxHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: other) }
            try await first.stopping { _ in
                let error = await Self.refusal(directory: other, database: database)
                #expect(error?.code == .inUse)
                #expect(error?.reason.contains(try database.location()) == true && error?.reason.contains(database.policyAdministratorSchema) == true, "\(String(describing: error))")
                #expect(error?.reason.contains("shaken sandbox") == true, "the holder is not named: \(String(describing: error))")
                try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(first.endpoints.tlsRootPath))) { transport in
                    let response = try await transport.send(HTTPSRequest(url: first.endpoints.certificationAuthorityDirectory))
                    #expect(response.status == 200)
                }
            }

            let foreign = await Self.refusal(directory: other, database: database)
            #expect(foreign?.code == .configuration)
            #expect(foreign?.reason.contains("already holds") == true, "\(String(describing: foreign))")
            #expect(!FileManager.default.fileExists(atPath: other + "/sandbox.json"), "the refused directory recorded the database")
        }
    }

    @Test("A data directory refuses a database other than the one it recorded (another prefix, another database, or PostgreSQL for a SQLite directory), touching nothing")
    func differentDatabaseRefused() async throws {
        let otherPrefix = PostgresTestDatabase.uniquePrefix()
        let otherSchemas = SandboxDatabase(url: "postgres://u@h/d", schemaPrefix: otherPrefix).schemas
        try await PostgresTestDatabase.withDatabase(alsoDrop: otherSchemas) { database in
            let first = try await SandboxHarness.start(database: database)
            defer { first.remove() }
            await first.stop()
            let stateBefore = try Data(contentsOf: URL(fileURLWithPath: first.directory + "/sandbox.json"))

            let anotherPrefix = SandboxDatabase(url: database.url, schemaPrefix: otherPrefix)
            let prefixRefused = await Self.refusal(directory: first.directory, database: anotherPrefix)
            #expect(prefixRefused?.code == .configuration)
            #expect(prefixRefused?.reason.contains(database.policyAdministratorSchema) == true, "\(String(describing: prefixRefused))")
            #expect(try await !PostgresTestDatabase.exists(anotherPrefix.policyAdministratorSchema), "the refused schemas were created")

            var otherURL = try #require(URLComponents(string: database.url))
            otherURL.path = "/another_database"
            let databaseRefused = await Self.refusal(directory: first.directory, database: SandboxDatabase(url: try #require(otherURL.string), schemaPrefix: database.schemaPrefix))
            #expect(databaseRefused?.code == .configuration)
            #expect(databaseRefused?.reason.contains("another_database") == true, "\(String(describing: databaseRefused))")
            #expect(try Data(contentsOf: URL(fileURLWithPath: first.directory + "/sandbox.json")) == stateBefore)
        }
        let sqlite = try await SandboxHarness.start()
        defer { sqlite.remove() }
        await sqlite.stop()
        #expect(sqlite.endpoints.storage?.engine == "sqlite")
        #expect(sqlite.endpoints.storage?.policyAdministrator == sqlite.directory + "/pa/shaken.sqlite")
        let url = try #require(PostgresTestDatabase.url)
        let refused = await Self.refusal(directory: sqlite.directory, database: SandboxDatabase(url: url, schemaPrefix: otherPrefix))
        #expect(refused?.code == .configuration)
        #expect(refused?.reason.contains("SQLite") == true, "\(String(describing: refused))")
    }

    @Test("A sandbox whose PostgreSQL lock session ends (server restart, terminated backend) stops with a storage error instead of running unlocked")
    func lostLockStops() async throws {
        try await PostgresTestDatabase.withDatabase { database in
            let sandbox = try await SandboxHarness.start(database: database)
            defer { sandbox.remove() }
            // The lock connection's application_name ends with the data directory's path.
            let ended = try await PostgresTestDatabase.terminateSessions(applicationNameEndingWith: String(sandbox.directory.suffix(36)))
            #expect(ended == 1)
            let error = await sandbox.stopped(within: .seconds(30))
            #expect((error as? AppError)?.code == .storage, "\(String(describing: error))")
            #expect((error as? AppError)?.reason.contains(database.subordinateAuthoritySchema) == true, "\(String(describing: error))")
        }
    }

    /// The error a sandbox on `directory` and `database` stops with at start, or `nil` (recorded as an
    /// issue) when it started.
    static func refusal(directory: String, database: SandboxDatabase) async -> AppError? {
        let sandbox = Sandbox(
            configuration: SandboxConfiguration(dataDirectory: directory, passwordCostExponent: 10, database: database),
            environment: SandboxHarness.environment, progress: { _ in }
        )
        let task = Task {
            try await sandbox.run(handlingSignals: false) { _ in
                Issue.record("a sandbox started on \(directory) with \(database.schemaPrefix)")
            }
        }
        // A sandbox that started anyway serves until cancelled: give it a bounded time to be refused.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            task.cancel()
        }
        defer { watchdog.cancel() }
        do {
            try await task.value
            Issue.record("a sandbox on \(directory) with \(database.schemaPrefix) stopped without an error")
            return nil
        } catch let error as AppError {
            return error
        } catch {
            Issue.record("a sandbox on \(directory) stopped with \(error), not an AppError")
            return nil
        }
    }

    /// A delegate certificate for the demo enterprise from the STI-SCA over ACME, under `accountKey`.
    static func issueDelegate(_ endpoints: SandboxEndpoints, accountKey: P256.Signing.PrivateKey) async throws -> ACMEIssuance {
        try await HTTPSClient.withClient(.init(trustRoots: try .pemFile(endpoints.tlsRootPath))) { transport in
            let acme = ACMEClient(
                configuration: .init(directoryURL: endpoints.subordinateAuthorityDirectory, pollInterval: .milliseconds(100)),
                accountKey: accountKey, transport: transport
            )
            _ = try await acme.register()
            let sca = STIPAClient(baseURL: endpoints.subordinateAuthority, transport: transport)
            try await sca.login(userID: endpoints.enterprise.userID, password: endpoints.enterprise.password)
            let list = try DelegateEnrollment(endpoints: endpoints, directory: "", makeKey: { P256.Signing.PrivateKey() }).defaultTNAuthList()
            let token = try await sca.requestSPCToken(accountID: endpoints.enterprise.customerID, tnAuthList: list, accountKey: await acme.accountJWK)
            let subject = try DistinguishedName.shaken(commonName: "Demo Enterprise", organization: "Demo Enterprise", country: "US")
            return try await acme.obtainCertificate(for: list, token: token.token, certificateKey: P256.Signing.PrivateKey(), subject: subject)
        }
    }
}
