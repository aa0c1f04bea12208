import Crypto

/// Deterministic P-256 keys for tests: the scalar is a small number in the last byte.
enum Fixtures {
    static func key(_ seed: UInt8) -> P256.Signing.PrivateKey {
        var raw = [UInt8](repeating: 0, count: 32)
        raw[31] = seed
        raw[0] = 0x01
        // A scalar below the group order is always a valid private key.
        return (try? P256.Signing.PrivateKey(rawRepresentation: raw)) ?? P256.Signing.PrivateKey()
    }
}
