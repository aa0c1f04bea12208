import PolicyAdministration
import SQLKit
import TNAuthList

/// PolicyAdministration's ``DelegationRegistry`` on SQL (ATIS-1000092: the TNs a provider delegated to
/// each customer): table `pa_delegations`, one row per customer, replaced on re-recording.
public struct SQLDelegationRegistry: DelegationRegistry {
    let engine: SQLEngine

    /// See ``DelegationRegistry/recordDelegation(_:)``.
    public func recordDelegation(_ delegation: Delegation) async throws {
        let der: [UInt8]
        do {
            der = try delegation.tnAuthList.derEncoded()
        } catch {
            throw StorageSQLError(.queryFailed, "TNAuthList of customer \(delegation.customer) does not encode: \(error)")
        }
        try await engine.run("""
            INSERT INTO pa_delegations (customer_id, tn_auth_list, may_obtain_ca)
            VALUES (\(bind: delegation.customer.value), \(bind: der.storedValue), \(bind: delegation.mayObtainCA.storedValue))
            ON CONFLICT (customer_id) DO UPDATE SET tn_auth_list = excluded.tn_auth_list, may_obtain_ca = excluded.may_obtain_ca
            """)
    }

    /// See ``DelegationRegistry/delegation(for:)``.
    public func delegation(for customer: CustomerID) async throws -> Delegation? {
        try await engine.firstRow("""
            SELECT customer_id, tn_auth_list, may_obtain_ca FROM pa_delegations WHERE customer_id = \(bind: customer.value)
            """).map { row in
            let list: TNAuthorizationList
            do {
                list = try TNAuthorizationList(derEncoded: try row.bytes("tn_auth_list"))
            } catch {
                throw StorageSQLError(.corruptRecord, "pa_delegations.tn_auth_list does not decode: \(error)")
            }
            return Delegation(customer: CustomerID(try row.string("customer_id")), tnAuthList: list, mayObtainCA: try row.flag("may_obtain_ca"))
        }
    }

    /// See ``DelegationRegistry/removeDelegation(for:)``.
    public func removeDelegation(for customer: CustomerID) async throws -> Bool {
        try await engine.rows("DELETE FROM pa_delegations WHERE customer_id = \(bind: customer.value) RETURNING customer_id").count == 1
    }
}
