#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time consumed by the calling thread or by the whole process, read with `clock_gettime`.
///
/// On a shared, oversubscribed machine wall-clock time includes the time a thread spends
/// descheduled, which is added to both sides of a comparison alike and pulls every ratio toward 1.
/// CPU time counts only the time the code actually ran.
enum CPUClock {
    /// One reading: the thread CPU time, the process CPU time and the thread that read them.
    struct Reading {
        let thread: Double
        let process: Double
        let threadID: pthread_t
    }

    /// Reads both clocks now.
    static func now() -> Reading {
        Reading(thread: seconds(CLOCK_THREAD_CPUTIME_ID), process: seconds(CLOCK_PROCESS_CPUTIME_ID), threadID: pthread_self())
    }

    /// CPU seconds from `start` to `end`: the thread CPU time when both readings come from the same
    /// thread, otherwise (an async call resumed on another pool thread) the process CPU time, which
    /// covers every thread of this otherwise idle process.
    static func elapsed(from start: Reading, to end: Reading) -> Double {
        pthread_equal(start.threadID, end.threadID) != 0 ? end.thread - start.thread : end.process - start.process
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var value = timespec()
        guard clock_gettime(clock, &value) == 0 else { return 0 }
        return Double(value.tv_sec) + Double(value.tv_nsec) * 1e-9
    }
}
