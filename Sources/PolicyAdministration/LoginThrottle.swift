import Foundation
import Synchronization

/// Limits password guessing at a portal login: after ``Policy/maximumFailures`` failed logins for one
/// user within ``Policy/window``, that user's logins are refused for ``Policy/lockout`` without
/// running the password hash (so a guessing client also cannot make the server burn key
/// derivations). A successful login clears the user's record.
///
/// The record lives in memory, per process: a restart forgets it, and several nodes each keep
/// their own (docs/threat-model.md). At most ``Policy/capacity`` users are tracked; when full, the
/// record whose last failure is oldest is dropped first.
public final class LoginThrottle: Sendable {
    /// The limits.
    public struct Policy: Hashable, Sendable {
        /// Failures allowed within the window before the lockout starts.
        public var maximumFailures: Int
        /// The span over which failures are counted, in seconds.
        public var window: TimeInterval
        /// How long logins are refused once the limit is reached, in seconds.
        public var lockout: TimeInterval
        /// How many users are tracked at most.
        public var capacity: Int

        /// Five failures in five minutes lock the user out for five minutes; 10,000 users tracked.
        public static let standard = Policy(maximumFailures: 5, window: 300, lockout: 300, capacity: 10_000)

        /// Creates limits; values below one are raised to one.
        public init(maximumFailures: Int, window: TimeInterval, lockout: TimeInterval, capacity: Int) {
            self.maximumFailures = max(1, maximumFailures)
            self.window = max(1, window)
            self.lockout = max(1, lockout)
            self.capacity = max(1, capacity)
        }
    }

    private struct Record {
        var failures: [Date]
        var lockedUntil: Date?
        var lastFailure: Date
    }

    /// The limits in force.
    public let policy: Policy
    private let records = Mutex<[String: Record]>([:])

    /// Creates a throttle with `policy`.
    public init(policy: Policy = .standard) {
        self.policy = policy
    }

    /// Throws when `userID` is locked out at `now`.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/tooManyAttempts`` with the seconds left.
    public func admit(userID: String, at now: Date) throws {
        let until = records.withLock { records -> Date? in
            guard let lockedUntil = records[userID]?.lockedUntil else { return nil }
            if lockedUntil > now { return lockedUntil }
            records[userID] = nil
            return nil
        }
        if let until {
            let seconds = Int(until.timeIntervalSince(now).rounded(.up))
            throw PolicyAdministrationError(
                .tooManyAttempts, "too many failed logins for \(userID); try again in \(seconds) s", retryAfter: max(1, seconds)
            )
        }
    }

    /// Counts a failed login of `userID` at `now`; the failure that reaches the limit starts the lockout.
    public func recordFailure(userID: String, at now: Date) {
        records.withLock { records in
            var record = records[userID] ?? Record(failures: [], lockedUntil: nil, lastFailure: now)
            record.failures = record.failures.filter { now.timeIntervalSince($0) < policy.window } + [now]
            record.lastFailure = now
            if record.failures.count >= policy.maximumFailures {
                record.lockedUntil = now + policy.lockout
                record.failures = []
            }
            if records[userID] == nil, records.count >= policy.capacity,
                let oldest = records.min(by: { $0.value.lastFailure < $1.value.lastFailure })?.key
            {
                records[oldest] = nil
            }
            records[userID] = record
        }
    }

    /// Forgets `userID`'s failures after a successful login.
    public func recordSuccess(userID: String) {
        _ = records.withLock { $0.removeValue(forKey: userID) }
    }

    /// How many users are tracked (for tests and metrics).
    public var trackedUsers: Int { records.withLock { $0.count } }
}
