/// A `RandomNumberGenerator` drawing from an injected source.
struct SandboxRandomNumberGenerator: RandomNumberGenerator {
    let source: @Sendable () -> UInt64
    mutating func next() -> UInt64 { source() }
}
