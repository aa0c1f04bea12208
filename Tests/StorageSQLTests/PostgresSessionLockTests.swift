import StorageSQL
import Testing

@Suite("PostgreSQL session advisory lock")
struct PostgresSessionLockTests {
    @Test("The key is the 64-bit FNV-1a hash of the name: published vectors, and different names give different keys")
    func keyDerivation() {
        #expect(UInt64(bitPattern: PostgresSessionLock.key(for: "")) == 0xcbf2_9ce4_8422_2325)
        #expect(UInt64(bitPattern: PostgresSessionLock.key(for: "a")) == 0xaf63_dc4c_8601_ec8c)
        #expect(UInt64(bitPattern: PostgresSessionLock.key(for: "foobar")) == 0x8594_4171_f739_67e8)
        #expect(PostgresSessionLock.key(for: "shaken_pa,shaken_ca,shaken_sca") != PostgresSessionLock.key(for: "demo_pa,demo_ca,demo_sca"))
    }

    @Test(
        "A second session asking for a held lock is refused naming the holder; another name is independent; after release the lock is free",
        .enabled(if: TestDatabases.postgresURL != nil, "SHAKEN_TEST_POSTGRES_URL is not set")
    )
    func exclusive() async throws {
        let url = try #require(TestDatabases.postgresURL)
        let name = uniqueSchemaName("lock")
        let first = try await PostgresSessionLock.acquire(url: url, name: name, holder: "first holder")
        #expect(first.isHeld && first.key == PostgresSessionLock.key(for: name) && first.name == name)
        do {
            _ = try await PostgresSessionLock.acquire(url: url, name: name, holder: "second holder")
            Issue.record("a held lock was granted twice")
        } catch let error as StorageSQLError {
            #expect(error.code == .lockHeld)
            #expect(error.reason.contains("first holder") && error.reason.contains(name), "\(error.reason)")
        }
        let other = try await PostgresSessionLock.acquire(url: url, name: name + "_other", holder: "other")
        await other.release()
        await first.release()
        #expect(!first.isHeld)
        await first.release()
        let again = try await PostgresSessionLock.acquire(url: url, name: name, holder: "again")
        await again.release()
    }

    @Test("A holder name beyond PostgreSQL's 63 bytes is cut, not refused", .enabled(if: TestDatabases.postgresURL != nil, "SHAKEN_TEST_POSTGRES_URL is not set"))
    func longHolder() async throws {
        let url = try #require(TestDatabases.postgresURL)
        let name = uniqueSchemaName("lock")
        let holder = "shaken sandbox /" + String(repeating: "d", count: 47) + "/tail-not-kept"
        let first = try await PostgresSessionLock.acquire(url: url, name: name, holder: holder)
        do {
            _ = try await PostgresSessionLock.acquire(url: url, name: name, holder: "second")
            Issue.record("a held lock was granted twice")
        } catch let error as StorageSQLError {
            #expect(error.code == .lockHeld)
            #expect(error.reason.contains(String(holder.prefix(63))) && !error.reason.contains("tail-not-kept"), "\(error.reason)")
        }
        await first.release()
    }

    @Test("An unreachable server is connectionFailed, not lockHeld")
    func unreachable() async {
        await #expect(throws: StorageSQLError(.connectionFailed, "")) {
            _ = try await PostgresSessionLock.acquire(url: "postgres://shaken@127.0.0.1:1/none", name: "x", holder: "x")
        }
        await #expect(throws: StorageSQLError(.invalidConfiguration, "")) {
            _ = try await PostgresSessionLock.acquire(url: "mysql://nobody@host/db", name: "x", holder: "x")
        }
    }
}
