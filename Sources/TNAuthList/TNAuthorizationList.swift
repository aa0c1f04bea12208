import SwiftASN1

/// The set of telephone numbers and service provider codes a STIR certificate is authorized for.
///
/// ASN.1 (RFC 8226 §9, module TN-Module-2016 with EXPLICIT TAGS):
/// ```
/// id-pe-TNAuthList OBJECT IDENTIFIER ::= { id-pe 26 }
/// TNAuthorizationList ::= SEQUENCE SIZE (1..MAX) OF TNEntry
/// ```
/// Decoding then encoding any valid DER returns the same bytes: DER has one encoding per value, and
/// elements after `count` inside a range are kept verbatim (``TelephoneNumberRange/extensionElements``).
public struct TNAuthorizationList: Hashable, Sendable {
    /// id-pe-TNAuthList, 1.3.6.1.5.5.7.1.26 (RFC 8226 §9).
    public static let oid: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 26]

    /// id-ad-stirTNList, 1.3.6.1.5.5.7.48.14: the AIA access method of a TN list by reference
    /// (RFC 8226 §10.1).
    public static let stirTNListAccessMethod: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 48, 14]

    /// The entries in encoding order; never empty.
    public private(set) var entries: [TNEntry]

    /// Creates a list from its entries.
    ///
    /// - Parameter entries: At least one entry (RFC 8226 §9: SIZE (1..MAX)).
    /// - Throws: ``TNAuthListError`` with code `emptyList`.
    public init(_ entries: [TNEntry]) throws(TNAuthListError) {
        guard !entries.isEmpty else {
            throw TNAuthListError(.emptyList, "a TNAuthorizationList holds at least one entry")
        }
        self.entries = entries
    }

    /// Replaces the entries.
    ///
    /// - Parameter entries: At least one entry (RFC 8226 §9: SIZE (1..MAX)).
    /// - Throws: ``TNAuthListError`` with code `emptyList`.
    public mutating func setEntries(_ entries: [TNEntry]) throws(TNAuthListError) {
        self = try TNAuthorizationList(entries)
    }

    /// The service provider codes, in list order.
    public var serviceProviderCodes: [ServiceProviderCode] {
        entries.compactMap { entry in
            if case .spc(let code) = entry { return code }
            return nil
        }
    }

    /// The single telephone numbers (`one` entries), in list order.
    public var telephoneNumbers: [TelephoneNumber] {
        entries.compactMap { entry in
            if case .tn(let number) = entry { return number }
            return nil
        }
    }

    /// The telephone number ranges, in list order.
    public var ranges: [TelephoneNumberRange] {
        entries.compactMap { entry in
            if case .range(let range) = entry { return range }
            return nil
        }
    }
}

extension TNAuthorizationList: CustomStringConvertible {
    /// The entries, comma separated.
    public var description: String {
        "TNAuthorizationList(\(entries.map(\.description).joined(separator: ", ")))"
    }
}
