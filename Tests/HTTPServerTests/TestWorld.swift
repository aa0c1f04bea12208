import ACMECore
import Foundation
import PolicyAdministration
import STIRTesting
import Synchronization

/// A settable clock and deterministic random source shared by a test's services.
final class TestWorld: Sendable {
    private struct State {
        var time: Date
        var random: SeededRandomNumberGenerator
    }

    private let state: Mutex<State>

    init(time: Date = TestPKI.defaultReferenceTime, seed: UInt64 = 0x4854_5450) {
        state = Mutex(State(time: time, random: SeededRandomNumberGenerator(seed: seed)))
    }

    var now: Date { state.withLock { $0.time } }

    func advance(_ seconds: TimeInterval) { state.withLock { $0.time += seconds } }

    func next() -> UInt64 { state.withLock { $0.random.next() } }

    var clock: @Sendable () -> Date { { self.now } }

    var environment: ACMEEnvironment {
        ACMEEnvironment(now: { self.now }, random: { self.next() })
    }

    var randomBytes: RandomByteSource {
        { count in (0..<count).map { _ in UInt8(truncatingIfNeeded: self.next()) } }
    }
}
