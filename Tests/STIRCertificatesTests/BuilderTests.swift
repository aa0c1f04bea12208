import Crypto
import Foundation
import STIRCertificates
import STIRTesting
import TNAuthList
import Testing
import X509

@Suite("STI certificate builder")
struct BuilderTests {
    static func request(_ list: TNAuthorizationList, serial: Certificate.SerialNumber? = nil) throws -> STICertificateRequest {
        let pki = Fixtures.pki
        return STICertificateRequest(
            profile: .endEntity,
            subject: try .shaken(commonName: "SHAKEN 1234", organization: "Example SP", country: "US"),
            publicKey: Certificate.PublicKey(TestPKI.key("builder-test").publicKey),
            tnAuthList: list,
            serialNumber: serial,
            notValidBefore: pki.referenceTime,
            notValidAfter: pki.referenceTime + 30 * TestPKI.day,
            crlDistributionPointURL: TestPKI.stiPACRLURL,
            crlIssuer: pki.stiPACRLSigner.certificate.subject
        )
    }

    @Test("Drawn serial numbers are 16 positive, minimal octets and differ between draws")
    func serialNumbers() {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let first = STICertificateBuilder.randomSerialNumber(using: &generator)
        let second = STICertificateBuilder.randomSerialNumber(using: &generator)
        #expect(first.bytes.count == 16)
        #expect((0x40...0x7F).contains(first.bytes[first.bytes.startIndex]))
        #expect(first != second)
    }

    @Test("Issued certificates chain by signature to their issuer")
    func signatures() {
        let pki = Fixtures.pki
        for entity in [pki.intermediate, pki.endEntity, pki.subordinateCA, pki.delegateEndEntity, pki.delegateCA, pki.delegateCAEndEntity] {
            let issuer = pki.issuerEntity(of: entity)
            #expect(issuer?.certificate.publicKey.isValidSignature(entity.certificate.signature, for: entity.certificate) == true)
        }
        #expect(pki.root.certificate.publicKey.isValidSignature(pki.root.certificate.signature, for: pki.root.certificate))
    }

    @Test("Issuance refuses a certificate with error findings and reports them")
    func refusesLintErrors() throws {
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234")), .spc(ServiceProviderCode("9999"))])
        var generator = SeededRandomNumberGenerator(seed: 1)
        do {
            _ = try STICertificateBuilder().issue(try Self.request(list), issuer: Fixtures.pki.intermediate.asIssuer, using: &generator)
            Issue.record("issued a certificate with two SPCs")
        } catch let error as STIRCertificatesError {
            #expect(error.code == .lintFailed)
            #expect(error.findings.map(\.rule) == ["e_sti_ee_tnauthlist_one_spc"])
        }
    }

    @Test("Issuance refuses out-of-scope delegate certificates")
    func refusesOutOfScope() throws {
        #expect(throws: STIRCertificatesError(.lintFailed, "")) {
            try Fixtures.pki.delegateEndEntity(
                tnAuthList: TNAuthorizationList([try TestPKI.range("12025559000", 10)]),
                issuer: Fixtures.pki.delegateCA
            )
        }
    }

    @Test("Bad serial numbers are refused", arguments: [[0x00], [0x80, 1, 2, 3, 4, 5, 6, 7], [0x00, 0x00], [UInt8](repeating: 1, count: 21)])
    func badSerials(bytes: [UInt8]) throws {
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        #expect(throws: STIRCertificatesError(.invalidSerialNumber, "")) {
            try STICertificateBuilder().issue(
                try Self.request(list, serial: Certificate.SerialNumber(bytes: bytes)),
                issuer: Fixtures.pki.intermediate.asIssuer
            )
        }
    }

    @Test("Issuer material is checked: profile/issuer kind, key pairing, validity order")
    func issuerChecks() throws {
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        let serial = Certificate.SerialNumber(bytes: [0x41, 1, 2, 3, 4, 5, 6, 7, 8])
        let pki = Fixtures.pki
        #expect(throws: STIRCertificatesError(.invalidIssuer, "")) {
            try STICertificateBuilder().issue(try Self.request(list, serial: serial), issuer: .selfSigned(pki.root.certificatePrivateKey))
        }
        #expect(throws: STIRCertificatesError(.invalidIssuer, "")) {
            try STICertificateBuilder().issue(
                try Self.request(list, serial: serial),
                issuer: .certificate(pki.intermediate.certificate, privateKey: pki.root.certificatePrivateKey)
            )
        }
        var reversed = try Self.request(list, serial: serial)
        reversed.notValidAfter = reversed.notValidBefore
        #expect(throws: STIRCertificatesError(.invalidValidity, "")) {
            try STICertificateBuilder().issue(reversed, issuer: pki.intermediate.asIssuer)
        }
        let issued = try STICertificateBuilder().issue(try Self.request(list, serial: serial), issuer: pki.intermediate.asIssuer)
        #expect(issued.serialNumber == serial)
    }

    @Test("A CSR carries the TNAuthList and basicConstraints and reads them back")
    func csrRoundTrip() throws {
        let key = TestPKI.key("csr")
        let list = try TNAuthorizationList([.spc(ServiceProviderCode("5678")), try TestPKI.range("12025550100", 100)])
        let csr = try CertificateSigningRequest.stiRequest(
            subject: .shaken(commonName: "SHAKEN 5678 STI-SCA", organization: "Example TNSP", country: "US"),
            privateKey: Certificate.PrivateKey(key),
            tnAuthList: list,
            basicConstraints: .isCertificateAuthority(maxPathLength: nil)
        )
        let parsed = try CertificateSigningRequest(derEncoded: try csr.serializeAsPEM().derBytes)
        #expect(try parsed.requestedTNAuthList == list)
        #expect(try parsed.requestedBasicConstraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(parsed.publicKey.isValidSignature(parsed.signature, for: parsed))
        let plain = try CertificateSigningRequest.stiRequest(
            subject: .shaken(commonName: "SHAKEN 1234", organization: "SP", country: "US"),
            privateKey: Certificate.PrivateKey(key),
            tnAuthList: try TNAuthorizationList([.spc(ServiceProviderCode("1234"))])
        )
        #expect(try plain.requestedBasicConstraints == nil)
    }

    @Test("DistinguishedName.shaken rejects a country that is not two uppercase letters", arguments: ["USA", "us", "U", ""])
    func countryCodes(country: String) {
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) {
            try DistinguishedName.shaken(commonName: "SHAKEN 1", organization: "O", country: country)
        }
    }
}
