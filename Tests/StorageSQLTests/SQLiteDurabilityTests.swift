import ACMECore
import ACMETesting
import Foundation
import PolicyAdministration
import SQLiteKit
import StorageSQL
import TNAuthList
import Testing

@Suite("SQLite file: durability, restart, migrations")
struct SQLiteDurabilityTests {
    @Test("WAL, synchronous=FULL, foreign keys and the busy timeout are in effect")
    func pragmas() async throws {
        let storage = try await SQLStorage.open(.sqlite(path: TestDatabases.temporarySQLitePath()))
        let durability = try await storage.sqliteDurability()
        await storage.close()
        #expect(durability == .required)
        #expect(durability?.journalMode == "wal")
        #expect(durability?.synchronous == 2)
    }

    @Test("The data directory form puts shaken.sqlite under the directory and creates it")
    func dataDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shaken-data-\(UUID().uuidString)/nested").path
        let configuration = StorageConfiguration.sqlite(dataDirectory: directory)
        #expect(configuration == .sqlite(path: directory + "/shaken.sqlite"))
        let storage = try await SQLStorage.open(configuration)
        await storage.close()
        #expect(FileManager.default.fileExists(atPath: directory + "/shaken.sqlite"))
    }

    @Test("Migrations are recorded once: reopening and migrating again apply nothing")
    func migrationsTwice() async throws {
        let path = TestDatabases.temporarySQLitePath()
        let first = try await SQLStorage.open(.sqlite(path: path))
        #expect(first.migrationsAppliedAtOpen == [1, 2, 3])
        #expect(try await first.migrate().isEmpty)
        #expect(try await first.schemaVersions() == [1, 2, 3])
        await first.close()
        let second = try await SQLStorage.open(.sqlite(path: path))
        #expect(second.migrationsAppliedAtOpen.isEmpty)
        #expect(try await second.schemaVersions() == [1, 2, 3])
        await second.close()
    }

    @Test("A database written by a newer schema is refused rather than used")
    func schemaTooNew() async throws {
        let path = TestDatabases.temporarySQLitePath()
        let storage = try await SQLStorage.open(.sqlite(path: path))
        await storage.close()
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        try await connection.sql().raw("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')").run()
        try await connection.close()
        await #expect(throws: StorageSQLError(.schemaTooNew, "")) {
            _ = try await SQLStorage.open(.sqlite(path: path))
        }
    }

    @Test("Unusable configurations fail with a specific code", arguments: [
        (StorageConfiguration.sqlite(path: ""), StorageSQLError.Code.invalidConfiguration),
        (.postgres(url: "mysql://nobody@host/db"), .invalidConfiguration),
        (.postgres(url: "postgres://shaken@127.0.0.1:1/none"), .connectionFailed),
        (.sqlite(path: "/proc/shaken/not-here.sqlite"), .connectionFailed),
    ])
    func badConfiguration(configuration: StorageConfiguration, code: StorageSQLError.Code) async throws {
        do {
            let storage = try await SQLStorage.open(configuration)
            await storage.close()
            Issue.record("opened \(configuration)")
        } catch let error as StorageSQLError {
            #expect(error.code == code, "\(error)")
        }
    }

    @Test("Closing the storage makes later calls fail with closed")
    func closed() async throws {
        let storage = try await SQLStorage.open(.sqlite(path: TestDatabases.temporarySQLitePath()))
        await storage.close()
        await #expect(throws: StorageSQLError(.closed, "")) {
            _ = try await storage.nonces.consumeNonce("n", now: Date(timeIntervalSince1970: 0))
        }
    }

    @Test("A restart finds every record again: accounts, orders, ledger, nonces, STI-PA stores, CRL number, proxy registry")
    func restart() async throws {
        let path = TestDatabases.temporarySQLitePath()
        let snapshot = try await RestartFixture.write(path: path)
        let reopened = try await SQLStorage.open(.sqlite(path: path))
        do {
            try await RestartFixture.verify(snapshot, in: reopened)
        } catch {
            await reopened.close()
            throw error
        }
        await reopened.close()
    }
}
