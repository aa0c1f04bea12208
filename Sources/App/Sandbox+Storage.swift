import Foundation
import StorageSQL

extension Sandbox {
    /// The authorities' databases, the PostgreSQL lock held while they are open, and their description
    /// for `endpoints.json`.
    struct Storages {
        let pa: SQLStorage
        let ca: SQLStorage
        let sca: SQLStorage
        /// The database's lock (PostgreSQL); on SQLite the data directory's lock covers the files.
        let lock: PostgresSessionLock?
        let endpointsStorage: SandboxEndpoints.Storage
        var all: [SQLStorage] { [pa, ca, sca] }
    }

    /// Closes the databases and then releases the database's lock, in a task of its own, so that a
    /// cancelled caller still closes every connection.
    static func close(_ storages: Storages) async {
        await Task {
            for storage in storages.all { await storage.close() }
            await storages.lock?.release()
        }.value
    }

    /// The database to run on: the one named, on a new data directory; the one recorded, when none is
    /// named; the one named, when it is the recorded one (its credentials may have changed).
    ///
    /// - Throws: ``AppError/Code/configuration`` when a database is named that the data directory did
    ///   not record: its keys and that database's records would not belong together.
    static func database(recorded: SandboxState?, requested: SandboxDatabase?, directory: DataDirectory) throws(AppError) -> SandboxDatabase? {
        try requested?.validate()
        guard let recorded else { return requested }
        switch (recorded.database, requested) {
        case (nil, nil):
            return nil
        case (let kept?, nil):
            try kept.validate()
            return kept
        case (nil, let requested?):
            let named = try requested.location()
            throw AppError(
                .configuration,
                "\(directory.root) keeps its records in SQLite under the data directory, not on PostgreSQL \(named); "
                    + "start it without --database, or give another --data directory"
            )
        case (let kept?, let requested?):
            try kept.validate()
            guard try kept.isSameDatabase(as: requested) else {
                let (keptLocation, named) = (try kept.location(), try requested.location())
                throw AppError(
                    .configuration,
                    "\(directory.root) keeps its records on PostgreSQL \(keptLocation) in schemas \(kept.schemas.joined(separator: ", ")), "
                        + "not on \(named) in schemas \(requested.schemas.joined(separator: ", ")); "
                        + "start it without --database to resume, or give another --data directory"
                )
            }
            return requested
        }
    }

    /// Opens the three databases: SQLite files under `<data>/pa`, `<data>/ca` and `<data>/sca`, or
    /// three schemas on PostgreSQL once the database's lock is taken. A new data directory
    /// (`resuming` false) refuses PostgreSQL schemas that already hold records.
    ///
    /// - Throws: ``AppError/Code/inUse`` when another sandbox holds the database's lock,
    ///   ``AppError/Code/configuration`` for schemas a new data directory did not create,
    ///   ``AppError/Code/storage`` when a database cannot be opened or migrated.
    func openStorages(_ directory: DataDirectory, database: SandboxDatabase?, resuming: Bool) async throws(AppError) -> Storages {
        guard let database else { return try await openSQLite(directory) }
        let location = try database.location()
        progress("PostgreSQL \(location), schemas \(database.schemas.joined(separator: ", "))")
        let lock = try await lockDatabase(database, location: location, directory: directory)
        var opened: [SQLStorage] = []
        do {
            for schema in database.schemas {
                opened.append(try await SQLStorage.open(.postgres(url: database.url, schema: schema), logger: Self.quietLogger))
            }
        } catch {
            await Self.abandon(opened, lock: lock)
            throw AppError(.storage, "cannot open the sandbox schemas on PostgreSQL \(location): \(error)")
        }
        if !resuming, let index = opened.firstIndex(where: { !$0.wasEmptyAtOpen }) {
            await Self.abandon(opened, lock: lock)
            throw AppError(
                .configuration,
                "schema \(database.schemas[index]) on PostgreSQL \(location) already holds a sandbox's records, and \(directory.root) is a new data "
                    + "directory whose keys would not match them; resume with the data directory that created them, drop the schemas "
                    + "(DROP SCHEMA \(database.schemas.joined(separator: ", ")) CASCADE), or give another --database-schema-prefix"
            )
        }
        let description = SandboxEndpoints.Storage(
            engine: SQLEngineKind.postgres.rawValue, database: location, policyAdministrator: database.policyAdministratorSchema,
            certificationAuthority: database.certificationAuthoritySchema, subordinateAuthority: database.subordinateAuthoritySchema
        )
        return Storages(pa: opened[0], ca: opened[1], sca: opened[2], lock: lock, endpointsStorage: description)
    }

    /// Takes the session-level advisory lock of the database's schemas (``SandboxDatabase/lockName``)
    /// on a connection of its own, held until the sandbox stops. It is what makes the start-up
    /// reconciliation (``reconcile(storage:repository:authority:)``) safe: no other sandbox can be
    /// finalizing orders in these schemas while it runs.
    private func lockDatabase(_ database: SandboxDatabase, location: String, directory: DataDirectory) async throws(AppError) -> PostgresSessionLock {
        do {
            return try await PostgresSessionLock.acquire(
                url: database.url, name: database.lockName, holder: Self.lockHolder(directory), logger: Self.quietLogger
            )
        } catch let error as StorageSQLError where error.code == .lockHeld {
            throw AppError(
                .inUse,
                "another sandbox is running on PostgreSQL \(location) with schemas \(database.schemas.joined(separator: ", ")): \(error.reason); "
                    + "stop it first, or give another --database-schema-prefix"
            )
        } catch {
            throw AppError(.storage, "cannot lock the sandbox schemas on PostgreSQL \(location): \(error)")
        }
    }

    /// The lock connection's `application_name`: `shaken sandbox` and as much of the end of the data
    /// directory's path as PostgreSQL keeps (63 bytes).
    static func lockHolder(_ directory: DataDirectory) -> String {
        let head = "shaken sandbox "
        var tail = directory.root
        guard head.utf8.count + tail.utf8.count > 63 else { return head + tail }
        while head.utf8.count + 3 + tail.utf8.count > 63 { tail.removeFirst() }
        return head + "..." + tail
    }

    private func openSQLite(_ directory: DataDirectory) async throws(AppError) -> Storages {
        var opened: [SQLStorage] = []
        var paths: [String] = []
        do {
            for folder in ["pa", "ca", "sca"] {
                try directory.create(folder)
                let configuration = StorageConfiguration.sqlite(dataDirectory: directory.path(folder))
                if case .sqlite(let path) = configuration { paths.append(path) }
                opened.append(try await SQLStorage.open(configuration, logger: Self.quietLogger))
            }
        } catch {
            await Self.abandon(opened, lock: nil)
            if let error = error as? AppError { throw error }
            throw AppError(.storage, "cannot open the sandbox databases: \(error)")
        }
        let description = SandboxEndpoints.Storage(
            engine: SQLEngineKind.sqlite.rawValue, database: nil, policyAdministrator: paths[0], certificationAuthority: paths[1],
            subordinateAuthority: paths[2]
        )
        return Storages(pa: opened[0], ca: opened[1], sca: opened[2], lock: nil, endpointsStorage: description)
    }

    /// Closes what was opened before a failure, and releases the lock.
    private static func abandon(_ opened: [SQLStorage], lock: PostgresSessionLock?) async {
        await Task {
            for storage in opened { await storage.close() }
            await lock?.release()
        }.value
    }
}
