import ACMECore
import ACMETesting
import Crypto
import Foundation
import JOSE
import STIRTesting
import TNAuthList
import Testing

@Suite("Revocation (RFC 8555 §7.6)")
struct RevocationTests {
    static func payload(_ issued: IssuedCertificate, reason: Int64? = nil) throws -> JSONValue {
        var members: [JSONObject.Member] = [.init("certificate", .string(Base64URL.encode(issued.der)))]
        if let reason { members.append(.init("reason", .integer(reason))) }
        return .object(try JSONObject(members))
    }

    static func issued(_ harness: Harness) async throws -> (Harness.Client, IssuedCertificate) {
        let client = try await harness.newAccount("sp")
        let (_, issued) = try await harness.issue(client, try TNAuthorizationList([.spc(ServiceProviderCode("1234"))]), jti: "rev")
        return (client, issued)
    }

    @Test("the ordering account revokes; a second revocation is alreadyRevoked")
    func byAccount() async throws {
        let harness = Harness()
        let (client, issued) = try await Self.issued(harness)
        let url = harness.linker.revokeCert
        let revoked = try await harness.service.revoke(.account(try await harness.request(client, url: url, payload: Self.payload(issued, reason: 4))))
        #expect(revoked.revocation?.reason == 4)
        #expect(try await harness.ledger.certificate(issued.serial)?.revocation?.reason == 4)
        await #expect(throws: ACMEError(.alreadyRevoked, "")) {
            try await harness.service.revoke(.account(try await harness.request(client, url: url, payload: Self.payload(issued))))
        }
    }

    @Test("the certificate key revokes with a jwk request")
    func byCertificateKey() async throws {
        let harness = Harness()
        let (_, issued) = try await Self.issued(harness)
        let subjectKey = ACMEClientKey(TestPKI.key("subject-rev"))
        let url = harness.linker.revokeCert
        let body = try subjectKey.sign(url: url, nonce: try await harness.service.newNonce(), kid: nil, payload: Self.payload(issued, reason: 1))
        let request = try await harness.verifier.verify(body: body, url: url, keyForm: .jwkOrKid)
        let revoked = try await harness.service.revoke(request)
        #expect(revoked.revocation?.reason == 1)
    }

    @Test("another account, or another key, is unauthorized")
    func unauthorized() async throws {
        let harness = Harness()
        let (_, issued) = try await Self.issued(harness)
        let url = harness.linker.revokeCert
        let other = try await harness.newAccount("other")
        await #expect(throws: ACMEError(.unauthorized, "")) {
            try await harness.service.revoke(.account(try await harness.request(other, url: url, payload: Self.payload(issued))))
        }
        let stranger = Harness.clientKey("stranger")
        let body = try stranger.sign(url: url, nonce: try await harness.service.newNonce(), kid: nil, payload: Self.payload(issued))
        let request = try await harness.verifier.verify(body: body, url: url, keyForm: .jwkOrKid)
        await #expect(throws: ACMEError(.unauthorized, "")) { try await harness.service.revoke(request) }
    }

    @Test("reasons outside the accepted set are badRevocationReason", arguments: [Int64(2), 6, 7, 8, 10, -1, 11])
    func badReason(reason: Int64) async throws {
        let harness = Harness()
        let (client, issued) = try await Self.issued(harness)
        await #expect(throws: ACMEError(.badRevocationReason, "")) {
            try await harness.service.revoke(.account(try await harness.request(client, url: harness.linker.revokeCert, payload: Self.payload(issued, reason: reason))))
        }
    }

    @Test("a certificate this CA did not issue is not found")
    func foreign() async throws {
        let harness = Harness()
        let client = try await harness.newAccount("sp")
        var serializer = DER.Serializer()
        try serializer.serialize(Harness.pki.endEntity.certificate)
        let payload: JSONValue = .object(try JSONObject([.init("certificate", .string(Base64URL.encode(serializer.serializedBytes)))]))
        do {
            _ = try await harness.service.revoke(.account(try await harness.request(client, url: harness.linker.revokeCert, payload: payload)))
            Issue.record("revoked a foreign certificate")
        } catch let error as ACMEError {
            #expect(error.httpStatus == 404)
        }
    }
}

import SwiftASN1
