import ACMECore
import ACMETesting
import Foundation
import SQLiteKit
import StorageSQL
import Testing

@Suite("SQLite group commit: concurrent operations share durable commits, failures stay isolated")
struct SQLiteGroupCommitTests {
    static let epoch = Date(timeIntervalSince1970: 1_735_689_600)

    /// Opens a storage on a fresh file, runs `body`, closes it.
    static func withStorage<T>(path: String, _ body: (SQLStorage) async throws -> T) async throws -> T {
        let storage = try await SQLStorage.open(.sqlite(path: path))
        do {
            let result = try await body(storage)
            await storage.close()
            return result
        } catch {
            await storage.close()
            throw error
        }
    }

    @Test("Concurrent writes share commits, and every one is found after reopening", arguments: [64, 300])
    func sharedCommits(writers: Int) async throws {
        let path = TestDatabases.temporarySQLitePath()
        let statistics = try await Self.withStorage(path: path) { (storage: SQLStorage) async throws -> SQLiteCommitStatistics in
            let before = try #require(await storage.sqliteCommitStatistics())
            let nonces = storage.nonces
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask { try await nonces.insertNonce("nonce-\(index)", expiresAt: Self.epoch + 60) }
                }
                try await group.waitForAll()
            }
            let after = try #require(await storage.sqliteCommitStatistics())
            return SQLiteCommitStatistics(commits: after.commits - before.commits, operations: after.operations - before.operations)
        }
        #expect(statistics.operations == writers, "each insert is one operation on the writer")
        #expect(statistics.commits >= 1)
        #expect(statistics.commits < writers, "concurrent inserts shared commits (\(statistics))")
        try await Self.withStorage(path: path) { (storage: SQLStorage) async throws -> Void in
            for index in 0..<writers {
                #expect(try await storage.nonces.consumeNonce("nonce-\(index)", now: Self.epoch), "nonce-\(index) survived the restart")
            }
        }
    }

    @Test("A write has committed when it returns: a separate connection sees it at once")
    func committedOnReturn() async throws {
        let path = TestDatabases.temporarySQLitePath()
        try await Self.withStorage(path: path) { (storage: SQLStorage) async throws -> Void in
            let observer = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                let nonces = storage.nonces
                let seen = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<48 {
                        group.addTask {
                            try await nonces.insertNonce("seen-\(index)", expiresAt: Self.epoch + 60)
                            let rows = try await observer.sql().raw("SELECT nonce FROM acme_nonces WHERE nonce = \(bind: "seen-\(index)")").all()
                            return rows.count == 1
                        }
                    }
                    var all: [Bool] = []
                    for try await one in group { all.append(one) }
                    return all
                }
                #expect(seen.count == 48)
                #expect(seen.allSatisfy { $0 }, "every returned insert was visible to another connection")
            } catch {
                try await observer.close()
                throw error
            }
            try await observer.close()
        }
    }

    @Test("A failing operation in a shared transaction rolls back only its own writes")
    func isolatedFailures() async throws {
        let path = TestDatabases.temporarySQLitePath()
        let (existing, existingAuthorization) = try ACMEStoreContract.sampleOrder(id: "existing")
        let taken = existingAuthorization.challenges[0].id
        try await Self.withStorage(path: path) { (storage: SQLStorage) async throws -> Void in
            let orders = storage.orders
            try await orders.createOrder(existing, authorizations: [existingAuthorization])
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<60 {
                    group.addTask {
                        var (order, authorization) = try ACMEStoreContract.sampleOrder(id: "order-\(index)")
                        if index % 3 == 0 {
                            authorization.challenges = [ACMEChallenge(id: taken, authorizationID: authorization.id, token: "t", tokenAuthority: nil)]
                        }
                        do {
                            try await orders.createOrder(order, authorizations: [authorization])
                            return (index, true)
                        } catch let error as StorageSQLError where error.code == .conflict {
                            return (index, false)
                        }
                    }
                }
                var result: [Int: Bool] = [:]
                for try await (index, created) in group { result[index] = created }
                return result
            }
            #expect(outcomes.count == 60)
            for (index, created) in outcomes {
                #expect(created == (index % 3 != 0), "order-\(index): only the orders reusing a challenge id fail")
            }
        }
        try await Self.withStorage(path: path) { (storage: SQLStorage) async throws -> Void in
            #expect(try await storage.orders.order(existing.id) == existing)
            #expect(try await storage.orders.challenge(taken)?.authorizationID == existingAuthorization.id)
            for index in 0..<60 {
                let (order, _) = try ACMEStoreContract.sampleOrder(id: "order-\(index)")
                let stored = try await storage.orders.order(order.id)
                if index % 3 == 0 {
                    #expect(stored == nil, "the failed order-\(index) left no row")
                    #expect(try await storage.orders.authorization(order.authorizationIDs[0]) == nil, "nor an authorization")
                } else {
                    #expect(stored == order, "order-\(index) is stored although others in its transaction failed")
                }
            }
        }
    }
}
