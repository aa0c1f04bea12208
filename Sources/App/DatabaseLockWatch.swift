import ServiceLifecycle
import StorageSQL

/// Stops the sandbox when the PostgreSQL session holding its database lock ends (a server restart,
/// a terminated backend): the lock went with the session, so another sandbox could now start on the
/// same schemas and settle this one's orders in processing. Stopping is the safe answer; a restart
/// takes the lock again.
struct DatabaseLockWatch: Service {
    let lock: PostgresSessionLock
    /// The database and schemas, for the message.
    let subject: String
    let interval: Duration

    /// Checks the lock's session every `interval` until graceful shutdown.
    ///
    /// - Throws: ``AppError/Code/storage`` once the session has ended.
    func run() async throws {
        let lost = await cancelWhenGracefulShutdown { () async -> Bool in
            while !Task.isCancelled {
                if !lock.isHeld { return true }
                try? await Task.sleep(for: interval)
            }
            return false
        }
        guard lost else { return }
        throw AppError(
            .storage,
            "the PostgreSQL session holding the sandbox's lock on \(subject) ended, and the lock with it; stopped so that no other sandbox works on these schemas alongside (start it again to resume)"
        )
    }
}
