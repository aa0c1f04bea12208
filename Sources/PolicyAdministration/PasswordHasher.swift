import Crypto
import Foundation
import _CryptoExtras

/// Derives and checks salted, slow password hashes with scrypt (RFC 7914) from swift-crypto.
///
/// The defaults (N = 2^15, r = 8, p = 1, 16-byte salt, 32-byte key) follow RFC 7914 §2's interactive-login
/// guidance; tests may lower N. Comparison is constant-time.
public struct PasswordHasher: Hashable, Sendable {
    /// log2 of N for new hashes.
    public var costExponent: Int
    /// r for new hashes.
    public var blockSize: Int
    /// p for new hashes.
    public var parallelism: Int
    /// The accepted password lengths in UTF-8 bytes.
    public var acceptedLength: ClosedRange<Int>

    /// The salt length in bytes.
    public static let saltLength = 16
    /// The derived-key length in bytes.
    public static let keyLength = 32

    /// Creates a hasher.
    public init(costExponent: Int = 15, blockSize: Int = 8, parallelism: Int = 1, acceptedLength: ClosedRange<Int> = 12...256) {
        self.costExponent = costExponent
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.acceptedLength = acceptedLength
    }

    /// Hashes a new password with a fresh salt.
    ///
    /// - Parameters:
    ///   - password: The password.
    ///   - randomBytes: The source of the salt (a CSPRNG in production).
    /// - Throws: ``PolicyAdministrationError/Code/weakPassword`` for a length outside ``acceptedLength``,
    ///   ``PolicyAdministrationError/Code/keyDerivationFailed`` if scrypt fails.
    public func hash(password: String, randomBytes: RandomByteSource) throws(PolicyAdministrationError) -> PasswordHash {
        let length = password.utf8.count
        guard acceptedLength.contains(length) else {
            throw PolicyAdministrationError(
                .weakPassword,
                "password of \(length) bytes; accepted are \(acceptedLength.lowerBound) to \(acceptedLength.upperBound)"
            )
        }
        let salt = randomBytes(Self.saltLength)
        let key = try Self.derive(password, salt: salt, costExponent: costExponent, blockSize: blockSize, parallelism: parallelism)
        return PasswordHash(costExponent: costExponent, blockSize: blockSize, parallelism: parallelism, salt: salt, derivedKey: key)
    }

    /// Whether `password` matches `stored`, compared in constant time.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/keyDerivationFailed`` if scrypt fails.
    public func verify(password: String, against stored: PasswordHash) throws(PolicyAdministrationError) -> Bool {
        guard password.utf8.count <= acceptedLength.upperBound else { return false }
        let key = try Self.derive(
            password,
            salt: stored.salt,
            costExponent: stored.costExponent,
            blockSize: stored.blockSize,
            parallelism: stored.parallelism,
            length: stored.derivedKey.count
        )
        return SymmetricKey(data: key) == SymmetricKey(data: stored.derivedKey)
    }

    private static func derive(
        _ password: String,
        salt: [UInt8],
        costExponent: Int,
        blockSize: Int,
        parallelism: Int,
        length: Int = keyLength
    ) throws(PolicyAdministrationError) -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: Array(password.utf8),
                salt: salt,
                outputByteCount: length,
                rounds: 1 << costExponent,
                blockSize: blockSize,
                parallelism: parallelism
            )
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw PolicyAdministrationError(.keyDerivationFailed, "scrypt failed: \(error)")
        }
    }
}
