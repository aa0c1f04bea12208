import PolicyAdministration
import PolicyAdministrationTesting
import Testing

@Suite("In-memory stores meet the store contract")
struct StoreContractTests {
    @Test("every in-memory store passes the shared contract suite")
    func inMemoryStoresPassContract() async throws {
        try await StoreContract.runAll { PolicyAdministrationStores.inMemory() }
    }
}
