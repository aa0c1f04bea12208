import Crypto
import Foundation
import JOSE

/// The clock, randomness and key generation a sandbox uses, injected so that library code never reads
/// the system clock or RNG itself; the `shaken sandbox` command passes the system ones.
public struct SandboxEnvironment: Sendable {
    /// The clock.
    public var now: @Sendable () -> Date
    /// 64 random bits from a CSPRNG.
    public var random: @Sendable () -> UInt64
    /// A fresh P-256 key.
    public var makeKey: @Sendable () -> P256.Signing.PrivateKey

    /// Creates an environment.
    public init(
        now: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> UInt64,
        makeKey: @escaping @Sendable () -> P256.Signing.PrivateKey
    ) {
        self.now = now
        self.random = random
        self.makeKey = makeKey
    }

    /// `count` random bytes.
    func randomBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            withUnsafeBytes(of: random()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// A URL-safe random string of `count` bytes of entropy (passwords, secrets, token IDs).
    func randomText(_ count: Int = 18) -> String {
        Base64URL.encode(randomBytes(count))
    }

    /// A credential meant to be typed or pasted on command lines (passwords, the admin secret):
    /// `length` characters drawn uniformly from A–Z, a–z and 0–9 (about 5.95 bits each), so it never
    /// begins with `-` and is never taken for an option.
    func credential(length: Int = 24) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var characters: [Character] = []
        while characters.count < length {
            for byte in randomBytes(length) where characters.count < length {
                // 248 = 4 × 62: rejecting larger bytes keeps every character equally likely.
                if byte < 248 { characters.append(alphabet[Int(byte) % alphabet.count]) }
            }
        }
        return String(characters)
    }

    /// A random number generator over ``random``.
    var generator: SandboxRandomNumberGenerator { SandboxRandomNumberGenerator(source: random) }
}
