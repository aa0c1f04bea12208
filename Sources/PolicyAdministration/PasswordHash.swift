import Foundation
import JOSE

/// A salted scrypt password hash (RFC 7914) with its parameters, storable as one line of text:
/// `scrypt$<log2 N>$<r>$<p>$<base64url salt>$<base64url key>`.
public struct PasswordHash: Hashable, Sendable, CustomStringConvertible {
    /// log2 of the scrypt CPU/memory cost N (RFC 7914 §2).
    public let costExponent: Int
    /// The scrypt block size r.
    public let blockSize: Int
    /// The scrypt parallelism p.
    public let parallelism: Int
    /// The random salt.
    public let salt: [UInt8]
    /// The derived key.
    public let derivedKey: [UInt8]

    /// Creates a hash from its parts.
    public init(costExponent: Int, blockSize: Int, parallelism: Int, salt: [UInt8], derivedKey: [UInt8]) {
        self.costExponent = costExponent
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = salt
        self.derivedKey = derivedKey
    }

    /// Parses the storage form.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/keyDerivationFailed`` when the text is not a hash this
    ///   module wrote or its parameters are out of range.
    public init(encoded: String) throws(PolicyAdministrationError) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
            let exponent = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
            (10...22).contains(exponent), (1...32).contains(r), (1...16).contains(p),
            let salt = try? Base64URL.decode(parts[4]), let key = try? Base64URL.decode(parts[5]),
            salt.count >= 16, key.count >= 32
        else {
            throw PolicyAdministrationError(.keyDerivationFailed, "not a stored scrypt password hash")
        }
        self.init(costExponent: exponent, blockSize: r, parallelism: p, salt: salt, derivedKey: key)
    }

    /// The storage form, `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`.
    public var encoded: String {
        "scrypt$\(costExponent)$\(blockSize)$\(parallelism)$\(Base64URL.encode(salt))$\(Base64URL.encode(derivedKey))"
    }

    /// The parameters only; the salt and key are never printed.
    public var description: String {
        "PasswordHash(scrypt N=2^\(costExponent) r=\(blockSize) p=\(parallelism))"
    }
}
