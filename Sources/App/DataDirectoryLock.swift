import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a data directory (`<data>/sandbox.lock`), held while a sandbox runs so that
/// a second sandbox on the same directory stops with a clear message instead of racing the first
/// for its ports and databases. The lock is an `flock(2)` on an open file: the kernel releases it
/// when the holder exits, however it exits (a killed process leaves no stale lock behind); the
/// file keeps the holder's process ID for the message.
final class DataDirectoryLock: Sendable {
    static let fileName = "sandbox.lock"

    private let descriptor: Int32

    /// Takes the lock or throws ``AppError/Code/inUse`` naming the process that holds it.
    init(_ directory: DataDirectory, processID: Int32 = getpid()) throws(AppError) {
        let path = directory.path(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AppError(.dataDirectory, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = Self.recordedProcessID(descriptor)
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw AppError(.dataDirectory, "cannot lock \(path): \(String(cString: strerror(reason)))")
            }
            let who = holder.map { "process \($0)" } ?? "another process"
            throw AppError(.inUse, "another sandbox (\(who)) is running on \(directory.root); stop it first, or pick another directory with --data")
        }
        let record = Array("\(processID)\n".utf8)
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, record, record.count, 0) == record.count else {
            close(descriptor)
            throw AppError(.dataDirectory, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
    }

    /// Releases the lock (closing the file releases the `flock`).
    deinit {
        close(descriptor)
    }

    private static func recordedProcessID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
