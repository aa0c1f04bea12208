import Foundation
import SwiftASN1
import Testing
import X509
@testable import TNAuthList

@Suite("TNAuthList as a certificate extension (RFC 8226 §9, §10)")
struct CertificateExtensionTests {
    /// The EC P-256 key of draft-ietf-stir-passport-08 Appendix A (spec digest §9.1): a published test key.
    static let testKeyPEM = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIFeZ1R208QCvcu5GuYyMfG4W7sH4m99/7eHSDLpdYllFoAoGCCqGSM49
        AwEHoUQDQgAE8HNbQd/TmvCKwPKHkMF9fScavGeH78YTU8qLS8I5HLHSSmlATLcs
        lQMhNC/OhlWBYC626nIlo7XeebYS7Sb37g==
        -----END EC PRIVATE KEY-----
        """

    /// 2025-01-01T00:00:00Z and one year later: fixed, never the clock.
    static let notBefore = Date(timeIntervalSince1970: 1_735_689_600)
    static let notAfter = Date(timeIntervalSince1970: 1_767_225_600)

    static func selfSigned(extensions: Certificate.Extensions) throws -> Certificate {
        let key = try Certificate.PrivateKey(pemEncoded: testKeyPEM)
        let name = try DistinguishedName {
            CommonName("SHAKEN 1234")
            OrganizationName("Example Telecom")
            CountryName("US")
        }
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [0x01, 0x02, 0x03]),
            publicKey: key.publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: name,
            subject: name,
            extensions: extensions,
            issuerPrivateKey: key
        )
    }

    /// AIA with one id-ad-stirTNList URI, as in Botan leaf_aia_stir_tn_list.crt.
    static let stirTNListAIAHex =
        "302D302B06082B0601050507300E861F" + hex(Array("https://tnlist.example.com/list".utf8))

    @Test("A self-signed certificate carrying a TNAuthList survives DER and PEM round trips")
    func certificateRoundTrip() throws {
        let list = try TNAuthorizationList([.range(range("12025550100", 10)), .tn(tn("12025559999")), .spc(spc("709J"))])
        let certificate = try Self.selfSigned(
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                list
            }
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let reparsed = try Certificate(derEncoded: serializer.serializedBytes)
        #expect(try reparsed.extensions.tnAuthList == list)
        let ext = try #require(reparsed.extensions[oid: TNAuthorizationList.oid])
        #expect(ext.critical == false)
        #expect(Array(ext.value) == (try list.derEncoded()))

        let pem = try certificate.serializeAsPEM().pemString
        #expect(try Certificate(pemEncoded: pem).extensions.tnAuthList == list)
        #expect(try reparsed.extensions.tnAuthListSource == .byValue(list))
    }

    @Test("The extension initializer honours the critical flag")
    func criticalFlag() throws {
        let list = try TNAuthorizationList([.spc(spc("1234"))])
        let critical = try Certificate.Extension(list, critical: true)
        #expect(critical.critical)
        #expect(critical.oid == TNAuthorizationList.oid)
        #expect(hex(critical.value) == "3008A006160431323334")
        #expect(try TNAuthorizationList(critical) == list)
        #expect(try list.makeCertificateExtension().critical == false)
    }

    @Test("Decoding an extension with another OID is rejected")
    func wrongOID() throws {
        let ext = Certificate.Extension(
            oid: [1, 3, 6, 1, 5, 5, 7, 1, 27],
            critical: false,
            value: bytes(hex: "3008A006160431323334")[...]
        )
        #expect(tnAuthListErrorCode { _ = try TNAuthorizationList(ext) } == .unexpectedExtension)
    }

    @Test("A malformed TNAuthList extension makes the typed getter throw")
    func malformedExtension() throws {
        let ext = Certificate.Extension(oid: TNAuthorizationList.oid, critical: false, value: bytes(hex: "30068004")[...])
        let extensions = try Certificate.Extensions([ext])
        #expect(tnAuthListErrorCode { _ = try extensions.tnAuthList } == .malformedDER)
        #expect(tnAuthListErrorCode { _ = try extensions.tnAuthListSource } == .malformedDER)
    }

    @Test("A certificate without TNAuthList or AIA has an absent source")
    func absent() throws {
        let certificate = try Self.selfSigned(extensions: Certificate.Extensions())
        #expect(try certificate.extensions.tnAuthList == nil)
        #expect(try certificate.extensions.tnAuthListReferences == [])
        #expect(try certificate.extensions.tnAuthListSource == .absent)
    }

    @Test("id-ad-stirTNList URIs in AIA are reported as a by-reference source")
    func byReference() throws {
        let aia = Certificate.Extension(
            oid: .X509ExtensionID.authorityInformationAccess,
            critical: false,
            value: bytes(hex: Self.stirTNListAIAHex)[...]
        )
        let certificate = try Self.selfSigned(extensions: try Certificate.Extensions([aia]))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let reparsed = try Certificate(derEncoded: serializer.serializedBytes)
        #expect(try reparsed.extensions.tnAuthListReferences == ["https://tnlist.example.com/list"])
        #expect(try reparsed.extensions.tnAuthListSource == .byReference(["https://tnlist.example.com/list"]))
    }

    @Test("Only id-ad-stirTNList access descriptions count as references, in order; by value wins")
    func mixedAIA() throws {
        let aia = try Self.aia([
            ([1, 3, 6, 1, 5, 5, 7, 48, 1], "http://ocsp.example.com"),
            (TNAuthorizationList.stirTNListAccessMethod, "https://a.example.com/list"),
            ([1, 3, 6, 1, 5, 5, 7, 48, 2], "http://ca.example.com/ca.crt"),
            (TNAuthorizationList.stirTNListAccessMethod, "https://b.example.com/list"),
        ])
        let list = try TNAuthorizationList([.spc(spc("1234"))])
        let withoutList = try Certificate.Extensions([aia])
        #expect(try withoutList.tnAuthListReferences == ["https://a.example.com/list", "https://b.example.com/list"])
        let withList = try Certificate.Extensions([aia, try Certificate.Extension(list, critical: false)])
        #expect(try withList.tnAuthListSource == .byValue(list))
    }

    @Test("An id-ad-stirTNList location that is not a URI is rejected")
    func nonURILocation() throws {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(TNAuthorizationList.stirTNListAccessMethod)
                // dNSName [2] IA5String
                coder.appendPrimitiveNode(identifier: ASN1Identifier(tagWithNumber: 2, tagClass: .contextSpecific)) {
                    $0.append(contentsOf: Array("tnlist.example.com".utf8))
                }
            }
        }
        let aia = Certificate.Extension(
            oid: .X509ExtensionID.authorityInformationAccess,
            critical: false,
            value: serializer.serializedBytes[...]
        )
        let extensions = try Certificate.Extensions([aia])
        #expect(tnAuthListErrorCode { _ = try extensions.tnAuthListReferences } == .invalidURI)
    }

    /// AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
    /// AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER, accessLocation GeneralName }
    static func aia(_ descriptions: [(ASN1ObjectIdentifier, String)]) throws -> Certificate.Extension {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            for (method, uri) in descriptions {
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(method)
                    // uniformResourceIdentifier [6] IA5String
                    coder.appendPrimitiveNode(identifier: ASN1Identifier(tagWithNumber: 6, tagClass: .contextSpecific)) {
                        $0.append(contentsOf: Array(uri.utf8))
                    }
                }
            }
        }
        return Certificate.Extension(
            oid: .X509ExtensionID.authorityInformationAccess,
            critical: false,
            value: serializer.serializedBytes[...]
        )
    }
}
