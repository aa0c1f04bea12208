/// A PASSporT extension named by the header's `ppt` parameter (RFC 8225 §8.1).
///
/// A header without `ppt` is a base PASSporT and is represented as `nil`. Any other `ppt` value is
/// rejected with ``PASSporTError/Code/unsupportedPPT``, as RFC 8225 §8.1 requires of a relying party.
public enum PASSporTExtension: String, Hashable, Sendable, CaseIterable {
    /// SHAKEN, `ppt=shaken` (RFC 8588 §3).
    case shaken
    /// Diversion, `ppt=div` (RFC 8946 §3).
    case div
    /// Rich Call Data, `ppt=rcd` (RFC 9795).
    case rcd
}
