import Foundation
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import STIRTesting
import Testing
import X509

@Suite("STI-CR routes (ATIS-1000080 §6.3.6, spec digest §4.2)")
struct CertificateRepositoryRouteTests {
    static func chainPEM() throws -> String {
        let pki = ACMETestServer.pki
        return try [pki.endEntity.certificate, pki.intermediate.certificate].map { try $0.serializeAsPEM().pemString }.joined(separator: "\n") + "\n"
    }

    @Test("a published chain is served as application/pem-certificate-chain with a day of public caching and an ETag")
    func serve() async throws {
        let repository = InMemoryCertificateRepository(baseURL: "https://sti-cr.example/certs/", now: { TestPKI.defaultReferenceTime })
        let url = try await repository.publish(chainPEM: try Self.chainPEM(), name: "sp-1234")
        #expect(url == "https://sti-cr.example/certs/sp-1234.pem")
        try await Application(router: CertificateRepositoryRouter.build(repository: repository, path: "certs")).test(.router) { client in
            let response = try await client.execute(uri: "/certs/sp-1234.pem", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pem-certificate-chain")
            #expect(response.headers[.cacheControl] == "public, max-age=86400")
            #expect(response.headers[.lastModified] == "Wed, 01 Jan 2025 00:00:00 GMT")
            #expect(String(buffer: response.body) == (try Self.chainPEM()))
            let etag = try #require(response.headers[.eTag])
            #expect(etag.hasPrefix("\"") && etag.count == 66)
            let cached = try await client.execute(uri: "/certs/sp-1234.pem", method: .get, headers: [.ifNoneMatch: etag])
            #expect(cached.status == .notModified)
            #expect(cached.body.readableBytes == 0)
            let stale = try await client.execute(uri: "/certs/sp-1234.pem", method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(stale.status == .ok)
        }
    }

    @Test("unknown names, other extensions and unsafe names are 404", arguments: ["/certs/none.pem", "/certs/sp-1234", "/certs/sp-1234.crt", "/certs/..pem", "/certs/.hidden.pem"])
    func notFound(_ path: String) async throws {
        let repository = InMemoryCertificateRepository(baseURL: "https://sti-cr.example/certs", now: { TestPKI.defaultReferenceTime })
        _ = try await repository.publish(chainPEM: try Self.chainPEM(), name: "sp-1234")
        try await Application(router: CertificateRepositoryRouter.build(repository: repository, path: "certs")).test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test("publishing refuses unsafe names and anything but PEM certificates")
    func publishRules() async throws {
        let repository = InMemoryCertificateRepository(baseURL: "https://sti-cr.example", now: { TestPKI.defaultReferenceTime })
        for name in ["", "../x", "a/b", ".x", String(repeating: "a", count: 129), "a b"] {
            await #expect(throws: HTTPServerError(.invalidName, "")) { try await repository.publish(chainPEM: try Self.chainPEM(), name: name) }
        }
        let key = "-----BEGIN PRIVATE KEY-----\n" + TestPKI.key("x").derRepresentation.base64EncodedString() + "\n-----END PRIVATE KEY-----\n"
        for chain in ["", "hello", key, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"] {
            await #expect(throws: HTTPServerError(.invalidChain, "")) { try await repository.publish(chainPEM: chain, name: "ok") }
        }
        #expect(await repository.chain(named: "ok") == nil)
    }

    @Test("publishing again under a name replaces the chain and its ETag")
    func republish() async throws {
        let repository = InMemoryCertificateRepository(baseURL: "https://sti-cr.example", now: { TestPKI.defaultReferenceTime })
        _ = try await repository.publish(chainPEM: try Self.chainPEM(), name: "sp")
        let first = try #require(await repository.chain(named: "sp"))
        let leafOnly = try ACMETestServer.pki.endEntity.certificate.serializeAsPEM().pemString
        _ = try await repository.publish(chainPEM: leafOnly, name: "sp")
        let second = try #require(await repository.chain(named: "sp"))
        #expect(first.entityTag != second.entityTag)
        #expect(second.pem == leafOnly)
    }
}
