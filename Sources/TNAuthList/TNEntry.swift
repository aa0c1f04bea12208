/// One entry of a TNAuthorizationList.
///
/// ASN.1 (RFC 8226 §9, module TN-Module-2016 with EXPLICIT TAGS):
/// ```
/// TNEntry ::= CHOICE {
///   spc   [0] ServiceProviderCode,
///   range [1] TelephoneNumberRange,
///   one   [2] TelephoneNumber }
/// ```
public enum TNEntry: Hashable, Sendable {
    /// A service provider code, `[0]`.
    case spc(ServiceProviderCode)
    /// A range of telephone numbers, `[1]`.
    case range(TelephoneNumberRange)
    /// A single telephone number, `[2]` (`one` in the ASN.1).
    case tn(TelephoneNumber)
}

extension TNEntry: CustomStringConvertible {
    /// `spc:<code>`, `range:<start>+<count>` or `tn:<digits>`.
    public var description: String {
        switch self {
        case .spc(let code): "spc:\(code.value)"
        case .range(let range): "range:\(range.start.digits)+\(range.count)"
        case .tn(let number): "tn:\(number.digits)"
        }
    }
}
