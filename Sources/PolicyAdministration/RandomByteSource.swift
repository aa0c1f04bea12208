/// A source of random bytes: returns exactly the count asked for. Production passes a CSPRNG; the
/// library never reads system randomness itself, so tests can be deterministic.
public typealias RandomByteSource = @Sendable (Int) -> [UInt8]
