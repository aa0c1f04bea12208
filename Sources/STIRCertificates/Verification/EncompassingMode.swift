import TNAuthList

/// How a link is judged whose child lists telephone numbers that the parent covers only through a
/// service provider code (RFC 9060 §4; ATIS-1000092 §6.2, Figure 6.2).
///
/// The certificate does not say which numbers an SPC holds, so such a link can only be proven with
/// number-inventory data.
public enum EncompassingMode: Sendable {
    /// Such links are accepted and reported in ``ValidatedSTIChain/unprovableScopes``; they are not
    /// failures. Links that are provably outside the parent still fail.
    case lenient

    /// The inventory expands each parent SPC into its numbers; what stays unprovable fails with
    /// ``STIChainFailure/Code/scopeUnprovable``, and numbers proven outside fail with
    /// ``STIChainFailure/Code/scopeNotEncompassed``. An inventory error counts as unprovable.
    case strict(any TNInventory)
}
