import ACMECore
import ACMETesting
import Testing

@Suite("In-memory stores meet the store contract")
struct StoreContractTests {
    @Test("the account store contract holds")
    func accounts() async throws {
        try await ACMEStoreContract.runAccountStoreContract { InMemoryAccountStore() }
    }

    @Test("the order store contract holds")
    func orders() async throws {
        try await ACMEStoreContract.runOrderStoreContract { InMemoryOrderStore() }
    }

    @Test("the nonce store contract holds, including one winner under concurrency")
    func nonces() async throws {
        try await ACMEStoreContract.runNonceStoreContract { InMemoryNonceStore() }
    }

    @Test("the token replay store contract holds")
    func replay() async throws {
        try await ACMEStoreContract.runTokenReplayStoreContract { InMemoryTokenReplayStore() }
    }

    @Test("the certificate ledger contract holds")
    func ledger() async throws {
        try await ACMEStoreContract.runCertificateLedgerContract { InMemoryCertificateLedger() }
    }

    @Test("the SP-CA-proxy registry contract holds")
    func proxyRegistry() async throws {
        try await ACMEStoreContract.runSPCAProxyRegistryContract { InMemorySPCAProxyRegistry() }
    }
}
