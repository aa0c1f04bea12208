import Foundation
import TNAuthList

/// What a verification service is asked to check: the Identity header values of one SIP request
/// and the identities the request asserts (RFC 8224 §6.2, ATIS-1000082 verification request).
public struct VerificationRequest: Hashable, Sendable {
    /// Every Identity header field value of the request, in received order (RFC 8224 §4). One of
    /// them should be a `ppt=shaken` PASSporT; `div` and `rcd` ones are verified alongside.
    public var identityHeaders: [String]
    /// The canonical calling number (from P-Asserted-Identity or From, RFC 8224 §8.3); `nil` when
    /// the caller is not a telephone number, which never matches a SHAKEN `orig`.
    public var orig: TelephoneNumber?
    /// The canonical called numbers (To / Request-URI, RFC 8224 §6.2 step 2); each must be in `dest`.
    public var dest: [TelephoneNumber]
    /// The verification time, supplied by the caller (never read from a clock inside the library).
    public var now: Date

    /// Creates a request.
    public init(identityHeaders: [String], orig: TelephoneNumber?, dest: [TelephoneNumber], now: Date) {
        self.identityHeaders = identityHeaders
        self.orig = orig
        self.dest = dest
        self.now = now
    }
}
