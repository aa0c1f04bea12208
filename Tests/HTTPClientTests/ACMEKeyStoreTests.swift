import Foundation
import HTTPClient
import STIRTesting
import Testing

@Suite("ACME key directory")
struct ACMEKeyStoreTests {
    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "acme-store-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    @Test("keys are stored with mode 0600 and read back; chains in <name>.pem and <name>.chain.pem")
    func layout() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try ACMEKeyStore(directory: directory)
        #expect(try store.accountKey() == nil)
        let key = try store.loadOrCreateAccountKey { TestPKI.key("stored-account") }
        #expect(try store.loadOrCreateAccountKey { TestPKI.key("other") }.rawRepresentation == key.rawRepresentation)
        try store.saveCertificateKey(TestPKI.key("sp"), named: "sp")
        let pki = X5UFetcherTests.pki
        try store.saveChain(pki.chain(for: pki.endEntity), named: "sp")
        try store.saveAccountURL("https://localhost/acme/account/1")
        for file in ["account.key", "sp.key"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: store.path(file))
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
        }
        #expect(try store.chain(named: "sp") == pki.chain(for: pki.endEntity))
        #expect(try store.certificateKey(named: "sp")?.rawRepresentation == TestPKI.key("sp").rawRepresentation)
        #expect(try store.accountURL() == "https://localhost/acme/account/1")
        #expect(FileManager.default.fileExists(atPath: store.path("sp.pem")))
    }

    @Test("names that could escape the directory or shadow the account are refused", arguments: ["", "../x", "a/b", ".hidden", "account", String(repeating: "a", count: 65)])
    func badNames(_ name: String) throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try ACMEKeyStore(directory: directory)
        #expect(throws: HTTPClientError.self) { try store.saveCertificateKey(TestPKI.key("x"), named: name) }
    }

    @Test("a key file that is not a P-256 PEM is a keyStoreFailure")
    func corruptKey() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try ACMEKeyStore(directory: directory)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: store.path("account.key")))
        let error = #expect(throws: HTTPClientError.self) { try store.accountKey() }
        #expect(error?.code == .keyStoreFailure)
    }
}
