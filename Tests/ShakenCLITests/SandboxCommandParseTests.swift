import ArgumentParser
import Testing

@testable import ShakenCLI

@Suite("shaken sandbox parses its database options")
struct SandboxCommandParseTests {
    private func configuration(_ arguments: [String]) throws -> SandboxCommand {
        try #require(try Shaken.parseAsRoot(["sandbox"] + arguments) as? SandboxCommand)
    }

    @Test("--database and --database-schema-prefix name the PostgreSQL database and its three schemas")
    func databaseAndPrefix() throws {
        let url = "postgres://shaken:secret@db.example:5433/shaken"
        let command = try configuration(["--data", "d", "--database", url, "--database-schema-prefix", "demo"])
        #expect(command.database == url && command.databaseSchemaPrefix == "demo")
        let built = try command.sandboxConfiguration(environment: [:])
        #expect(built.dataDirectory == "d")
        #expect(built.database?.url == url)
        #expect(built.database?.schemas == ["demo_pa", "demo_ca", "demo_sca"])
    }

    @Test("--database alone uses the prefix shaken; no option leaves the database to the data directory (SQLite when new)")
    func defaults() throws {
        let withDatabase = try configuration(["--database", "postgres://u@h/d"]).sandboxConfiguration(environment: [:])
        #expect(withDatabase.database?.schemaPrefix == "shaken")
        #expect(withDatabase.database?.schemas == ["shaken_pa", "shaken_ca", "shaken_sca"])
        let plain = try configuration([]).sandboxConfiguration(environment: [:])
        #expect(plain.database == nil)
    }

    @Test("--database-schema-prefix without --database is refused")
    func prefixAlone() throws {
        let command = try configuration(["--database-schema-prefix", "demo"])
        #expect(throws: ShakenCLIError.self) { _ = try command.sandboxConfiguration(environment: [:]) }
    }

    @Test("--database needs a value")
    func databaseNeedsValue() {
        #expect(throws: (any Error).self) { _ = try Shaken.parseAsRoot(["sandbox", "--database"]) }
    }
}
