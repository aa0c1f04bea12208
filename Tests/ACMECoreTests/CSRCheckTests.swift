import ACMECore
import ACMETesting
import Crypto
import Foundation
import JOSE
import STIRCertificates
import STIRTesting
import SwiftASN1
import TNAuthList
import Testing
import X509

@Suite("Finalize CSR checks (RFC 8555 §7.4, RFC 9448 §5)")
struct CSRCheckTests {
    static func der(_ csr: CertificateSigningRequest) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(csr)
        return serializer.serializedBytes
    }

    static func payload(_ bytes: [UInt8]) throws -> JSONValue {
        .object(try JSONObject([.init("csr", .string(Base64URL.encode(bytes)))]))
    }

    @Test("malformed CSRs are badCSR and leave the order invalid", arguments: [
        "not base64url", "not DER", "P-384 key", "bad signature", "no TNAuthList", "missing csr member",
    ])
    func malformed(name: String) async throws {
        let harness = Harness()
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let client = try await harness.newAccount("sp")
        let order = try await harness.newOrder(client, list)
        _ = try await harness.respond(client, order: order, token: try harness.token(client, list))
        let subject = try DistinguishedName.shaken(commonName: "SHAKEN 1234", organization: "Example Service Provider", country: "US")
        let payload: JSONValue
        var expected = ACMEError.Code.badCSR
        switch name {
        case "not base64url":
            payload = .object(try JSONObject([.init("csr", .string("MII+/="))]))
        case "not DER":
            payload = try Self.payload([0x30, 0x03, 0x02, 0x01])
        case "P-384 key":
            let csr = try CertificateSigningRequest.stiRequest(
                subject: subject, privateKey: Certificate.PrivateKey(P384.Signing.PrivateKey()), tnAuthList: list
            )
            payload = try Self.payload(try Self.der(csr))
        case "bad signature":
            var bytes = try Self.der(try CertificateSigningRequest.stiRequest(
                subject: subject, privateKey: Certificate.PrivateKey(TestPKI.key("s")), tnAuthList: list
            ))
            bytes[bytes.count - 2] ^= 0x01
            payload = try Self.payload(bytes)
        case "no TNAuthList":
            let csr = try CertificateSigningRequest(
                version: .v1, subject: subject, privateKey: Certificate.PrivateKey(TestPKI.key("s")),
                attributes: CertificateSigningRequest.Attributes(), signatureAlgorithm: .ecdsaWithSHA256
            )
            payload = try Self.payload(try Self.der(csr))
        default:
            payload = .object(JSONObject())
            expected = .malformed
        }
        do {
            _ = try await harness.finalize(client, order: order, csr: payload)
            Issue.record("\(name) accepted")
        } catch let error as ACMEError {
            #expect(error.code == expected, "\(name): \(error)")
        }
        #expect(await harness.orders.order(order.id)?.status == .invalid)
    }

    @Test("a second finalize of a valid order is orderNotReady")
    func twice() async throws {
        let harness = Harness()
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let client = try await harness.newAccount("sp")
        let (order, _) = try await harness.issue(client, list)
        await #expect(throws: ACMEError(.orderNotReady, "")) {
            try await harness.finalize(client, order: order, csr: Harness.csr(list, key: TestPKI.key("again")))
        }
        #expect(await harness.orders.order(order.id)?.status == .valid)
    }
}
