import Foundation
import JOSE

/// The time and randomness an ACME server uses, injected so that tests control them.
///
/// Production composition passes the system clock and a CSPRNG; nothing in ACMECore reads either
/// directly. Identifiers, nonces, challenge tokens and certificate serials all come from ``random``.
public struct ACMEEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// The next 64 random bits; must be a CSPRNG in production (RFC 8555 §10.2, CA/B BR §7.1 for serials).
    public var random: @Sendable () -> UInt64

    /// Creates an environment.
    public init(now: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> UInt64) {
        self.now = now
        self.random = random
    }

    /// `count` random bytes.
    public func randomBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: random()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// A fresh unguessable token: 128 random bits as base64url (RFC 8555 §8.1 asks for ≥ 128 bits).
    public func randomToken() -> String {
        Base64URL.encode(randomBytes(16))
    }

    /// A generator view of ``random``, for APIs that take a `RandomNumberGenerator`.
    public var generator: InjectedRandomNumberGenerator {
        InjectedRandomNumberGenerator(next: random)
    }
}

/// A `RandomNumberGenerator` over an injected source of 64-bit words.
public struct InjectedRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private let source: @Sendable () -> UInt64

    /// Wraps a source.
    public init(next: @escaping @Sendable () -> UInt64) {
        source = next
    }

    /// The next word from the source.
    public mutating func next() -> UInt64 { source() }
}
