import ACMECore
import ACMETesting
import PolicyAdministration
import PolicyAdministrationTesting
import StorageSQL
import Testing

/// Both consumers' contract suites against one engine, each store on a fresh, empty database.
enum StoreContractRuns {
    static func acmeAccounts(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await ACMEStoreContract.runAccountStoreContract { try await open().acmeAccounts }
        }
    }

    static func acmeOrders(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await ACMEStoreContract.runOrderStoreContract { try await open().orders }
        }
    }

    static func acmeNonces(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await ACMEStoreContract.runNonceStoreContract { try await open().nonces }
        }
    }

    static func acmeTokenReplays(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await ACMEStoreContract.runTokenReplayStoreContract { try await open().tokenReplays }
        }
    }

    static func acmeLedger(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await ACMEStoreContract.runCertificateLedgerContract { try await open().certificateLedger }
        }
    }

    static func spcaProxyRegistry(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await ACMEStoreContract.runSPCAProxyRegistryContract { try await open().spcaProxyRegistry }
        }
    }

    static func policyAdministration(_ engine: SQLEngineKind) async throws {
        try await TestDatabases.withStorages(engine) { open in
            try await StoreContract.runAll { try await open().policyAdministrationStores }
        }
    }
}
