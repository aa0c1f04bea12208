import Foundation

/// One version of the STI-PA's CA trust list (spec digest §4.4 `GET /api/v1/ca-list`): the DER roots of
/// the approved STI-CAs and the list's sequence number, which grows with every change.
public struct TrustListSnapshot: Hashable, Sendable {
    /// The sequence number (1 for the first list).
    public let sequence: Int64
    /// The DER encodings of the STI-CA root certificates, in the order published.
    public let roots: [[UInt8]]
    /// When this version was stored.
    public let updatedAt: Date

    /// Creates a snapshot.
    public init(sequence: Int64, roots: [[UInt8]], updatedAt: Date) {
        self.sequence = sequence
        self.roots = roots
        self.updatedAt = updatedAt
    }
}
