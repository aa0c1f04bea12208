import Crypto
import Foundation
import PolicyAdministration
import STIRTesting
import Synchronization
import TNAuthList

/// A settable clock for tests.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = TestPKI.defaultReferenceTime) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    var closure: @Sendable () -> Date { { self.now } }
}

/// Deterministic random bytes for tests (never for real secrets).
final class TestRandom: Sendable {
    private let generator: Mutex<SeededRandomNumberGenerator>

    init(seed: UInt64 = 42) {
        generator = Mutex(SeededRandomNumberGenerator(seed: seed))
    }

    var source: RandomByteSource {
        { count in
            self.generator.withLock { generator in (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) } }
        }
    }
}

/// Fixed test data shared by the suites.
enum Fixture {
    static let fastHasher = PasswordHasher(costExponent: 10)
    static let password = "correct horse battery staple"
    static let spcOnly = ServiceProviderAccount(id: AccountID("sp-1234"), name: "Example SP", spc: spc("1234"))
    static let tnLevel = ServiceProviderAccount(
        id: AccountID("sp-5678"),
        name: "Example TNSP",
        spc: spc("5678"),
        tnRanges: [range("12025550100", 100)],
        mayRunSubordinateCA: true
    )

    static func spc(_ code: String) -> ServiceProviderCode {
        (try? ServiceProviderCode(code)) ?? { preconditionFailure("bad fixture SPC") }()
    }

    static func range(_ start: String, _ count: Int) -> TNEntry {
        guard let entry = try? TestPKI.range(start, count) else { preconditionFailure("bad fixture range") }
        return entry
    }

    static func list(_ entries: TNEntry...) throws -> TNAuthorizationList {
        try TNAuthorizationList(entries)
    }

    /// In-memory stores with both fixture accounts, one user each (`alice` → SPC-only, `tina` → TN-level).
    static func provisioned(clock: TestClock, random: TestRandom = TestRandom()) async throws -> (PolicyAdministrationStores, AccountAdministration, PortalAuthentication) {
        let stores = PolicyAdministrationStores.inMemory()
        let admin = AccountAdministration(stores: stores, hasher: fastHasher, randomBytes: random.source)
        try await admin.createAccount(spcOnly)
        try await admin.createAccount(tnLevel)
        try await admin.createUser(userID: "alice", accountID: spcOnly.id, password: password)
        try await admin.createUser(userID: "tina", accountID: tnLevel.id, password: password)
        let auth = PortalAuthentication(stores: stores, hasher: fastHasher, sessionLifetime: 600, randomBytes: random.source, now: clock.closure)
        return (stores, admin, auth)
    }
}
