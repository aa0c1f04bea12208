import JOSE

/// The `dest` claim: the called identities (RFC 8225 §5.2.1).
///
/// Wire form: `{"tn":["12125551213"],"uri":["sip:bob@example.com"]}`; each member is an array even
/// for one value, and at least one identity is present. Values are held sorted, as signers must
/// emit them (RFC 8225 §9).
public struct DestinationIdentities: Hashable, Sendable {
    /// Canonical telephone numbers, sorted.
    public let telephoneNumbers: [String]
    /// URIs, sorted.
    public let uris: [String]

    /// Creates a destination from telephone numbers and URIs.
    ///
    /// - Throws: ``PASSporTError/Code/invalidTelephoneNumber`` for a non-canonical number,
    ///   ``PASSporTError/Code/invalidClaim`` for a bad URI or when both lists are empty.
    public init(telephoneNumbers: [String] = [], uris: [String] = []) throws(PASSporTError) {
        guard !(telephoneNumbers.isEmpty && uris.isEmpty) else {
            throw PASSporTError(code: .invalidClaim, reason: "dest must hold at least one tn or uri")
        }
        for number in telephoneNumbers { try PASSporTIdentity.validateTelephoneNumber(number) }
        for uri in uris { try PASSporTIdentity.validateURI(uri) }
        self.telephoneNumbers = Self.sorted(telephoneNumbers)
        self.uris = Self.sorted(uris)
    }

    /// Sorts by code point (RFC 8225 §9), leaving already-sorted input untouched.
    private static func sorted(_ values: [String]) -> [String] {
        let inOrder = zip(values, values.dropFirst()).allSatisfy { !JSONObject.precedes($1, $0) }
        return inOrder ? values : values.sorted(by: JSONObject.precedes)
    }
}
