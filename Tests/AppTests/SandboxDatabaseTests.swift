import App
import Foundation
import Testing

@Suite("The sandbox's PostgreSQL database choice")
struct SandboxDatabaseTests {
    @Test("The three schemas are <prefix>_pa, <prefix>_ca and <prefix>_sca; the default prefix is shaken")
    func schemas() {
        #expect(SandboxDatabase(url: "postgres://u@h/d").schemas == ["shaken_pa", "shaken_ca", "shaken_sca"])
        let demo = SandboxDatabase(url: "postgres://u@h/d", schemaPrefix: "demo")
        #expect([demo.policyAdministratorSchema, demo.certificationAuthoritySchema, demo.subordinateAuthoritySchema] == ["demo_pa", "demo_ca", "demo_sca"])
    }

    @Test("The location shown in messages and endpoints.json has no password and no options")
    func location() throws {
        let database = SandboxDatabase(url: "postgres://shaken:s3cret@db.example:5433/records?sslmode=require")
        #expect(try database.location() == "postgres://shaken@db.example:5433/records")
    }

    @Test(
        "URLs naming the same server and database are the same database, whatever the credentials and options",
        arguments: [
            "postgres://shaken:other@127.0.0.1:5432/shaken_test", "postgres://admin@127.0.0.1/shaken_test",
            "postgresql://shaken:shaken@127.0.0.1:5432/shaken_test?sslmode=disable", "postgres+tcp://shaken@127.0.0.1:5432/shaken_test",
        ]
    )
    func same(url: String) throws {
        let recorded = SandboxDatabase(url: "postgres://shaken:shaken@127.0.0.1:5432/shaken_test")
        #expect(try recorded.isSameDatabase(as: SandboxDatabase(url: url)))
    }

    @Test(
        "Another host, port, database or prefix is another database",
        arguments: [
            ("postgres://shaken@127.0.0.2:5432/shaken_test", "shaken"), ("postgres://shaken@127.0.0.1:5433/shaken_test", "shaken"),
            ("postgres://shaken@127.0.0.1:5432/other", "shaken"), ("postgres://shaken@127.0.0.1:5432/shaken_test", "demo"),
        ]
    )
    func different(url: String, prefix: String) throws {
        let recorded = SandboxDatabase(url: "postgres://shaken:shaken@127.0.0.1:5432/shaken_test")
        #expect(try !recorded.isSameDatabase(as: SandboxDatabase(url: url, schemaPrefix: prefix)))
    }

    @Test(
        "URLs that are not PostgreSQL URLs and prefixes giving unusable schema names are configuration errors",
        arguments: [
            ("mysql://u@h/d", "shaken"), ("postgres://h/d", "shaken"), ("postgres://u@/d", "shaken"), ("not a url", "shaken"),
            ("postgres://u@h/d", "Demo"), ("postgres://u@h/d", "pg"), ("postgres://u@h/d", ""), ("postgres://u@h/d", String(repeating: "p", count: 60)),
        ]
    )
    func invalid(url: String, prefix: String) {
        #expect(throws: AppError(.configuration, "")) { try SandboxDatabase(url: url, schemaPrefix: prefix).validate() }
    }

    @Test("A password never appears in the message about a URL that is not a PostgreSQL URL")
    func invalidURLMessageHidesPassword() {
        do {
            try SandboxDatabase(url: "mysql://user:topsecret@h/d").validate()
            Issue.record("a mysql URL was accepted")
        } catch {
            #expect(!error.reason.contains("topsecret"), "\(error.reason)")
        }
    }

    @Test("A bad --database is refused at start before anything is recorded in the data directory")
    func refusedBeforeRecording() async {
        let directory = SandboxHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = Sandbox(
            configuration: SandboxConfiguration(dataDirectory: directory, passwordCostExponent: 10, database: SandboxDatabase(url: "postgres://u@h/d", schemaPrefix: "Bad-Prefix")),
            environment: SandboxHarness.environment, progress: { _ in }
        )
        do {
            try await sandbox.run(handlingSignals: false) { _ in }
            Issue.record("a sandbox started with an invalid schema prefix")
        } catch {
            #expect(error.code == .configuration)
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/sandbox.json"))
    }
}
