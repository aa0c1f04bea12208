import Crypto
import Foundation
import JOSE
import PolicyAdministration
import PolicyAdministrationTesting
import STIRTesting
import Testing
import X509

@Suite("Signed CA trust list")
struct TrustListTests {
    static let paKey = TestPKI.key("sti-pa-signing")
    static let x5u = "https://sti-pa.example/cert/pa-signing.pem"

    func publisher(_ store: any TrustListStore = InMemoryTrustListStore()) -> TrustListPublisher {
        TrustListPublisher(store: store, signingKey: Self.paKey, x5u: Self.x5u, now: TestClock().closure)
    }

    @Test("every change increases the sequence; repeating a change does not")
    func sequenceMonotonic() async throws {
        let pki = try TestPKI()
        let other = try TestPKI(referenceTime: TestPKI.defaultReferenceTime + 1)
        let publisher = publisher()
        #expect(try await publisher.addRoot(pki.root.certificate).sequence == 1)
        #expect(try await publisher.addRoot(pki.root.certificate).sequence == 1)
        #expect(try await publisher.addRoot(other.root.certificate).sequence == 2)
        let removed = try await publisher.removeRoot(pki.root.certificate)
        #expect(removed.sequence == 3 && removed.roots.count == 1)
        #expect(try await publisher.removeRoot(pki.root.certificate).sequence == 3)
    }

    @Test("the ca-list body verifies with the PA key and carries the roots, sequence and x5u")
    func verifies() async throws {
        let pki = try TestPKI()
        let publisher = publisher()
        try await publisher.addRoot(pki.root.certificate)
        let body = try await publisher.caListResponse()
        let list = try CATrustList(responseBody: body, signingKey: Self.paKey.publicKey, lastSeenSequence: 1)
        #expect(list.sequence == 1 && list.x5u == Self.x5u)
        #expect(list.roots == [pki.root.certificate])
        let object = try StrictJSONParser().parse(body).objectValue
        #expect(object?.names == ["caList"])
        let jws = try CompactJWS(try #require(object?["caList"]?.stringValue))
        #expect(String(decoding: jws.payload, as: UTF8.self).hasPrefix("{\"sequence\":1,\"trustList\":[\"-----BEGIN CERTIFICATE-----"))
    }

    @Test("an empty list before any change has sequence 0")
    func emptyList() async throws {
        let list = try CATrustList(verifying: try await publisher().signedTrustList(), signingKey: Self.paKey.publicKey)
        #expect(list.sequence == 0 && list.roots.isEmpty)
    }

    @Test("a list older than the last one seen is refused")
    func staleRefused() async throws {
        let pki = try TestPKI()
        let publisher = publisher()
        try await publisher.addRoot(pki.root.certificate)
        let old = try await publisher.signedTrustList()
        try await publisher.removeRoot(pki.root.certificate)
        let new = try CATrustList(verifying: try await publisher.signedTrustList(), signingKey: Self.paKey.publicKey, lastSeenSequence: 1)
        #expect(new.sequence == 2)
        #expect(throws: PolicyAdministrationError(.staleTrustList, "")) {
            try CATrustList(verifying: old, signingKey: Self.paKey.publicKey, lastSeenSequence: new.sequence)
        }
    }

    @Test("a list signed by another key or altered is refused")
    func forgeryRefused() async throws {
        let jws = try await publisher().signedTrustList()
        #expect(throws: PolicyAdministrationError(.invalidTrustList, "")) {
            try CATrustList(verifying: jws, signingKey: TestPKI.key("someone else").publicKey)
        }
        let parts = jws.split(separator: ".")
        let forgedPayload = Base64URL.encode(Array("{\"sequence\":99,\"trustList\":[]}".utf8))
        #expect(throws: PolicyAdministrationError(.invalidTrustList, "")) {
            try CATrustList(verifying: "\(parts[0]).\(forgedPayload).\(parts[2])", signingKey: Self.paKey.publicKey)
        }
    }

    @Test("malformed ca-list bodies are refused", arguments: [
        "", "[]", "{\"caList\":1}", "{\"other\":\"a.b.c\"}", "{\"caList\":\"a.b\"}", "{\"caList\":\"e30.e30.AA\"}",
    ])
    func malformedBodies(body: String) {
        #expect(throws: PolicyAdministrationError(.invalidTrustList, "")) {
            try CATrustList(responseBody: Array(body.utf8), signingKey: Self.paKey.publicKey)
        }
    }

    @Test("lists with a bad header or payload are refused even when correctly signed", arguments: [
        ("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", "{\"sequence\":1,\"trustList\":[]}"),
        ("{\"alg\":\"HS256\",\"x5u\":\"https://x\"}", "{\"sequence\":1,\"trustList\":[]}"),
        ("{\"alg\":\"ES256\",\"x5u\":\"https://x\"}", "{\"sequence\":-1,\"trustList\":[]}"),
        ("{\"alg\":\"ES256\",\"x5u\":\"https://x\"}", "{\"sequence\":1}"),
        ("{\"alg\":\"ES256\",\"x5u\":\"https://x\"}", "{\"sequence\":1,\"trustList\":[\"not pem\"]}"),
        ("{\"alg\":\"ES256\",\"x5u\":\"https://x\"}", "[1]"),
    ])
    func badContent(header: String, payload: String) throws {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let signature = try ES256.sign(Array(input.utf8), using: Self.paKey)
        #expect(throws: PolicyAdministrationError(.invalidTrustList, "")) {
            try CATrustList(verifying: input + "." + Base64URL.encode(signature), signingKey: Self.paKey.publicKey)
        }
    }
}
