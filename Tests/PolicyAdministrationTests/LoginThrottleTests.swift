import Foundation
import PolicyAdministration
import PolicyAdministrationTesting
import Testing

@Suite("Failed-login throttle")
struct LoginThrottleTests {
    static let policy = LoginThrottle.Policy(maximumFailures: 3, window: 60, lockout: 120, capacity: 4)

    /// The fixture's portal with a throttle on ``policy``.
    static func authentication(clock: TestClock) async throws -> PortalAuthentication {
        let (stores, _, _) = try await Fixture.provisioned(clock: clock)
        return PortalAuthentication(
            stores: stores, hasher: Fixture.fastHasher, randomBytes: TestRandom().source, now: clock.closure, throttle: LoginThrottle(policy: policy)
        )
    }

    @Test("the failure that reaches the limit locks the user out, even with the right password, until the lockout ends")
    func lockout() async throws {
        let clock = TestClock()
        let auth = try await Self.authentication(clock: clock)
        for _ in 0..<3 {
            await StoreContract.expectCode(.invalidCredentials) { _ = try await auth.login(userID: "alice", password: "wrong password entirely") }
        }
        clock.advance(by: 30)
        do {
            _ = try await auth.login(userID: "alice", password: Fixture.password)
            Issue.record("a locked-out user logged in")
        } catch let error as PolicyAdministrationError {
            #expect(error.code == .tooManyAttempts)
            #expect(error.retryAfter == 90)
        }
        // Another user is not affected.
        _ = try await auth.login(userID: "tina", password: Fixture.password)
        clock.advance(by: 90)
        _ = try await auth.login(userID: "alice", password: Fixture.password)
    }

    @Test("failures older than the window do not count, and a success clears the count")
    func windowAndSuccess() async throws {
        let clock = TestClock()
        let throttle = LoginThrottle(policy: Self.policy)
        throttle.recordFailure(userID: "u", at: clock.now)
        throttle.recordFailure(userID: "u", at: clock.now)
        clock.advance(by: 61)
        throttle.recordFailure(userID: "u", at: clock.now)
        try throttle.admit(userID: "u", at: clock.now)
        throttle.recordFailure(userID: "u", at: clock.now)
        throttle.recordSuccess(userID: "u")
        throttle.recordFailure(userID: "u", at: clock.now)
        throttle.recordFailure(userID: "u", at: clock.now)
        try throttle.admit(userID: "u", at: clock.now)
        throttle.recordFailure(userID: "u", at: clock.now)
        #expect(throws: PolicyAdministrationError(.tooManyAttempts, "")) { try throttle.admit(userID: "u", at: clock.now) }
    }

    @Test("unknown user IDs are throttled like known ones, so the lockout reveals nothing")
    func unknownUsers() async throws {
        let clock = TestClock()
        let auth = try await Self.authentication(clock: clock)
        for _ in 0..<3 {
            await StoreContract.expectCode(.invalidCredentials) { _ = try await auth.login(userID: "mallory", password: "guess") }
        }
        await StoreContract.expectCode(.tooManyAttempts) { _ = try await auth.login(userID: "mallory", password: "guess") }
    }

    @Test("at most capacity users are tracked; the oldest record goes first")
    func bounded() throws {
        let clock = TestClock()
        let throttle = LoginThrottle(policy: Self.policy)
        for user in 0..<10 {
            throttle.recordFailure(userID: "user-\(user)", at: clock.now)
            clock.advance(by: 1)
        }
        #expect(throttle.trackedUsers == 4)
        for _ in 0..<2 { throttle.recordFailure(userID: "user-9", at: clock.now) }
        #expect(throws: PolicyAdministrationError(.tooManyAttempts, "")) { try throttle.admit(userID: "user-9", at: clock.now) }
        try throttle.admit(userID: "user-0", at: clock.now)
    }
}
