/// A source of truth for which telephone numbers a service provider holds.
///
/// RFC 9060 §4 lets a parent holding an SPC delegate numbers from that SPC's numbering inventory, but
/// the certificate does not carry that inventory (ATIS-1000092 §6.2). A TN inventory supplies it to
/// ``TNScope/encompasses(_:inventory:)``. Implementations may query a database or a remote service.
public protocol TNInventory: Sendable {
    /// The numbers held by the service provider with code `spc`.
    ///
    /// - Parameter spc: The service provider code.
    /// - Returns: The numbers `spc` holds, or `nil` when the inventory does not know the code.
    /// - Throws: When the inventory cannot be consulted.
    func numbers(heldBy spc: ServiceProviderCode) async throws -> TNScope?
}
