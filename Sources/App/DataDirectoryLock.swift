import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive lock (flock(2) on `<data>/sandbox.lock`) a running sandbox holds on its data
/// directory, so that one process at a time owns its databases. Start-up reconciliation relies on it:
/// an order found in `processing` when the lock is taken belongs to a process that is gone. The
/// kernel releases the lock when the process dies, however it dies (SIGKILL included).
final class DataDirectoryLock: Sendable {
    /// The lock file's name inside the data directory.
    static let fileName = "sandbox.lock"
    private let descriptor: Int32

    /// Takes the lock without waiting.
    ///
    /// - Throws: ``AppError/Code/dataDirectoryInUse`` when another process (or another sandbox in this
    ///   process) holds it, ``AppError/Code/dataDirectory`` when the lock file cannot be opened.
    init(_ directory: DataDirectory) throws(AppError) {
        let path = directory.path(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw AppError(.dataDirectory, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw AppError(.dataDirectoryInUse, "another sandbox is running on \(directory.root) (\(path): \(reason)); stop it first")
        }
        self.descriptor = descriptor
    }

    /// Releases the lock.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
